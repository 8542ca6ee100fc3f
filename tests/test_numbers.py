"""Quantity extraction and normalisation (ANNOTATION.md §4), as tables: sentence -> every quantity in it.

Each expected record is complete: span (located by its text; ``nth`` picks a later occurrence), value or
min/max, unit, kind and qualifier. Roles stay unset and change is "level" for every record here.
"""
from __future__ import annotations

import pytest

from pipeline.model import Quantity
from pipeline.numbers import extract_quantities, fold_width, parse_numeral


def _span(text: str, piece: str, nth: int) -> tuple:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def q(piece, value, unit, kind, qualifier="=", nth=0):
    """An expected single-valued quantity."""
    return (piece, nth, dict(value=value, min=None, max=None, unit=unit, kind=kind, qualifier=qualifier))


def r(piece, value, unit, kind, lo, hi, nth=0):
    """An expected range."""
    assert value is None
    return (piece, nth, dict(value=None, min=lo, max=hi, unit=unit, kind=kind, qualifier="range"))


QUANTITY_CASES = [
    # Arabic numbers, magnitudes, separators, full width
    ('今年全市新增市场主体30万户。', [q('30万户', 300000.0, '户', 'COUNT')]),
    ('该行业规模有望达到5.86万亿元。', [q('5.86万亿元', 5860000000000.0, 'CNY', 'MONEY')]),
    ('平台上架商品已超过2.9万种。', [q('超过2.9万种', 29000.0, '种', 'COUNT', qualifier='>')]),
    ('项目总投资1000亿元。', [q('1000亿元', 100000000000.0, 'CNY', 'MONEY')]),
    ('公司股东减持1,434,321股。', [q('1,434,321股', 1434321.0, '股', 'COUNT')]),
    ('本次发行2,500.00万股新股。', [q('2,500.00万股', 25000000.0, '股', 'COUNT')]),
    ('募集资金约1,100万元。', [q('约1,100万元', 11000000.0, 'CNY', 'MONEY', qualifier='~')]),
    ('占比提高到２．５％。', [q('２．５％', 2.5, '%', 'PERCENT')]),
    ('公司成立于１９９８年，员工１２００人。', [q('１２００人', 1200.0, '人', 'COUNT')]),
    # Chinese numerals, stacked and mixed
    ('我国全社会研发投入累计超过三十万亿元。', [q('超过三十万亿元', 30000000000000.0, 'CNY', 'MONEY', qualifier='>')]),
    ('新增贷款规模约二十万亿。', [q('约二十万亿', 20000000000000.0, 'CNY', 'MONEY', qualifier='~')]),
    ('全年发放一万五千亿元补贴。', [q('一万五千亿元', 1500000000000.0, 'CNY', 'MONEY')]),
    ('合同金额十亿3000万元。', [q('十亿3000万元', 1030000000.0, 'CNY', 'MONEY')]),
    ('当地常住人口13万2。', [q('13万2', 132000.0, '', 'CARDINAL')]),
    # Percent, percentage points, 成, per mille, basis points, fractions, multiples
    ('增速达到百分之三点四。', [q('百分之三点四', 3.4, '%', 'PERCENT')]),
    ('股价上涨五点六倍。', [q('五点六倍', 5.6, 'x', 'MULTIPLE')]),
    ('出口增速回落零点九个百分点。', [q('零点九个百分点', 0.9, 'pp', 'PERCENT_POINT')]),
    ('研发投入占营收的45.48%。', [q('45.48%', 45.48, '%', 'PERCENT')]),
    ('农村人口占比百分之四十。', [q('百分之四十', 40.0, '%', 'PERCENT')]),
    ('失业率下降0.5个百分点。', [q('0.5个百分点', 0.5, 'pp', 'PERCENT_POINT')]),
    ('约三成受访者表示满意。', [q('约三成', 30.0, '%', 'PERCENT', qualifier='~')]),
    ('不良率控制在千分之五以内。', [q('千分之五以内', 0.5, '%', 'PERCENT', qualifier='<=')]),
    ('贷款利率下调41个基点。', [q('41个基点', 41, 'bp', 'PERCENT_POINT')]),   # basis points as written (gold)
    ('信贷投放翻倍，过半企业复工，屏幕为6英寸。', [q('翻倍', 2, 'x', 'MULTIPLE'), q('过半', 0.5, 'fraction', 'FRACTION', qualifier='>'),
                                     q('6英寸', 6, 'in', 'MEASURE')]),
    ('日租金为每台120元/天。', [q('120元/天', 120, 'CNY/d', 'MONEY')]),
    ('三分之一的企业实现盈利。', [q('三分之一', 0.3333333333, 'fraction', 'FRACTION')]),
    ('超过1/3的用户选择线上购买。', [q('超过1/3', 0.3333333333, 'fraction', 'FRACTION', qualifier='>')]),
    ('四分之三的家庭拥有汽车。', [q('四分之三', 0.75, 'fraction', 'FRACTION')]),
    ('净利润增长了300多倍。', [q('300多倍', 300.0, 'x', 'MULTIPLE', qualifier='>')]),
    ('到2030年居民收入翻一番。', [q('翻一番', 2.0, 'x', 'MULTIPLE')]),
    ('十年间经济总量翻两番。', [q('翻两番', 4.0, 'x', 'MULTIPLE')]),
    # Bounds and approximations inside or beside the span
    ('全国有约300家企业参与。', [q('约300家', 300.0, '家', 'COUNT', qualifier='~')]),
    ('现场聚集了近5000名观众。', [q('近5000名', 5000.0, '名', 'COUNT', qualifier='~')]),
    ('交易额超过100亿元。', [q('超过100亿元', 10000000000.0, 'CNY', 'MONEY', qualifier='>')]),
    ('出口增长逾20%。', [q('逾20%', 20.0, '%', 'PERCENT', qualifier='>')]),
    ('全省有1000多家养老机构。', [q('1000多家', 1000.0, '家', 'COUNT', qualifier='>')]),
    ('活动吸引3000余人参加。', [q('3000余人', 3000.0, '人', 'COUNT', qualifier='>')]),
    ('满意度达90%以上。', [q('90%以上', 90.0, '%', 'PERCENT', qualifier='>')]),
    ('不良率不到2%。', [q('不到2%', 2.0, '%', 'PERCENT', qualifier='<')]),
    ('合格率不足六成。', [q('不足六成', 60.0, '%', 'PERCENT', qualifier='<')]),
    ('每年体检至少1次。', [q('至少1次', 1.0, '次', 'COUNT', qualifier='>=')]),
    ('每户申领最多5台。', [q('最多5台', 5.0, '台', 'COUNT', qualifier='<=')]),
    ('销量突破100万辆。', [q('100万辆', 1000000.0, '辆', 'COUNT', qualifier='>')]),
    ('增速高于5%。', [q('5%', 5.0, '%', 'PERCENT', qualifier='>')]),
    ('通胀率低于3%。', [q('3%', 3.0, '%', 'PERCENT', qualifier='<')]),
    # Ranges and vague numerals (DECISIONS.md "Vague numerals": 数/几 is 2 to 9 of the place it stands on,
    # 1 to 9 after 十; bare 数/几 is 2 to 9; 多/余 stay lower bounds)
    ('每周训练2至3次。', [r('2至3次', None, '次', 'COUNT', lo=2.0, hi=3.0)]),
    ('利率区间为3%—5%。', [r('3%—5%', None, '%', 'PERCENT', lo=3.0, hi=5.0)]),
    ('预计提高5到8个百分点。', [r('5到8个百分点', None, 'pp', 'PERCENT_POINT', lo=5.0, hi=8.0)]),
    ('活动吸引十几万人参与。', [r('十几万人', None, '人', 'COUNT', lo=110000.0, hi=190000.0)]),
    ('已有数万家企业入驻。', [r('数万家', None, '家', 'COUNT', lo=20000.0, hi=90000.0)]),
    ('全国数十家银行参与。', [r('数十家', None, '家', 'COUNT', lo=20.0, hi=90.0)]),
    ('项目总投资几百万元。', [r('几百万元', None, 'CNY', 'MONEY', lo=2000000.0, hi=9000000.0)]),
    ('市场规模达数千亿元。', [r('数千亿元', None, 'CNY', 'MONEY', lo=200000000000.0, hi=900000000000.0)]),
    ('日均调用量达数万亿。', [r('数万亿', None, '', 'CARDINAL', lo=2000000000000.0, hi=9000000000000.0)]),
    ('平台训练了几十个模型。', [r('几十个', None, '个', 'COUNT', lo=20.0, hi=90.0)]),
    ('服务覆盖数百个城市。', [r('数百个', None, '个', 'COUNT', lo=200.0, hi=900.0)]),
    ('已有十几个项目落地。', [r('十几个', None, '个', 'COUNT', lo=11.0, hi=19.0)]),
    ('单笔投资二十几万元。', [r('二十几万元', None, 'CNY', 'MONEY', lo=210000.0, hi=290000.0)]),
    ('每辆补贴几十万元。', [r('几十万元', None, 'CNY', 'MONEY', lo=200000.0, hi=900000.0)]),
    ('单笔融资数十万元。', [r('数十万元', None, 'CNY', 'MONEY', lo=200000.0, hi=900000.0)]),
    ('公司设立了数个子公司。', [r('数个', None, '个', 'COUNT', lo=2.0, hi=9.0)]),
    ('记者走访了几家企业。', [r('几家', None, '家', 'COUNT', lo=2.0, hi=9.0)]),
    ('团队尝试了几个方案。', [r('几个', None, '个', 'COUNT', lo=2.0, hi=9.0)]),
    ('全市有二三十家企业参与。', [r('二三十家', None, '家', 'COUNT', lo=20.0, hi=30.0)]),
    ('每人领取两三个口罩。', [r('两三个', None, '个', 'COUNT', lo=2.0, hi=3.0)]),
    ('展会吸引十多家企业参展。', [q('十多家', 10.0, '家', 'COUNT', qualifier='>')]),
    ('项目覆盖十余个省份。', [q('十余个', 10.0, '个', 'COUNT', qualifier='>')]),
    ('少数人认为无数次尝试并无必要，几乎没人反对。', []),
    ('主要体现在以下几个方面：', []),
    ('专家对数据如数家珍，误差仅零点几毫米。', []),
    ('城镇人口占比百分之十几。', [r('百分之十几', None, '%', 'PERCENT', lo=11.0, hi=19.0)]),
    # Units: compound, physical
    ('股票发行价为26.30元/股。', [q('26.30元/股', 26.3, 'CNY/股', 'MONEY')]),
    ('土地租金为1.2万元/亩。', [q('1.2万元/亩', 12000.0, 'CNY/亩', 'MONEY')]),
    ('高速公路全长300公里。', [q('300公里', 300.0, 'km', 'MEASURE')]),
    ('隧道长1.5千米。', [q('1.5千米', 1.5, 'km', 'MEASURE')]),
    ('粮食储备增加2万吨。', [q('2万吨', 20000.0, 't', 'MEASURE')]),
    ('包裹重量不超过5000千克。', [q('不超过5000千克', 5000.0, 'kg', 'MEASURE', qualifier='<=')]),
    ('年发电量达到100亿千瓦时。', [q('100亿千瓦时', 10000000000.0, 'kWh', 'MEASURE')]),
    ('电站装机容量为200兆瓦。', [q('200兆瓦', 200.0, 'MW', 'MEASURE')]),
    ('新建厂房3000平方米。', [q('3000平方米', 3000.0, 'm2', 'MEASURE')]),
    ('流转土地50亩。', [q('50亩', 50.0, '亩', 'MEASURE')]),
    ('年供水10万立方米。', [q('10万立方米', 100000.0, 'm3', 'MEASURE')]),
    ('细颗粒物年均浓度为31微克/立方米。', [q('31微克/立方米', 31.0, 'ug/m3', 'MEASURE')]),
    # Not quantities: ordinals, codes, versions, phone numbers
    ('会上传达了十九届中央纪委四次全会精神。', []),
    ('双方重申和平共处五项原则。', []),
    ('他在第三轮比赛中获得第87名。', []),
    ('股票代码为001229.SZ。', []),
    ('5G基站建设加快推进。', []),
    ('新发布的Qwen3模型性能提升明显。', []),
    ('混元图像3.0正式上线。', []),
    ('咨询电话010-12345678。', []),
    # Ages, classifiers, articles, 三大
    ('老人今年95岁。', [q('95岁', 95.0, '岁', 'MEASURE')]),
    ('该企业拥有3家子公司。', [q('3家', 3.0, '家', 'COUNT')]),
    ('当地引进一批新项目。', []),
    ('明确了三大任务。', [q('三大', 3.0, '', 'CARDINAL')]),
    ('开辟两条新航线。', [q('两条', 2.0, '条', 'COUNT')]),
    ('全县减少贫困人口1.2万。', [q('1.2万', 12000.0, '', 'CARDINAL')]),
    # Money and counts
    ('账户余额为-2.06亿元。', [q('-2.06亿元', -206000000.0, 'CNY', 'MONEY')]),
    ('公司亏损226万元。', [q('226万元', 2260000.0, 'CNY', 'MONEY')]),
    ('门票每张80元。', [q('80元', 80.0, 'CNY', 'MONEY')]),
    ('市场规模约200亿美元。', [q('约200亿美元', 20000000000.0, 'USD', 'MONEY', qualifier='~')]),
    ('融资额达5亿港元。', [q('5亿港元', 500000000.0, 'HKD', 'MONEY')]),
    ('投资总额为3000万欧元。', [q('3000万欧元', 30000000.0, 'EUR', 'MONEY')]),
    ('出口额为50亿日元。', [q('50亿日元', 5000000000.0, 'JPY', 'MONEY')]),
    ('汽车出口量为10万辆。', [q('10万辆', 100000.0, '辆', 'COUNT')]),
    ('企业新购置服务器20台。', [q('20台', 20.0, '台', 'COUNT')]),
    ('新增专利授权500项。', [q('500项', 500.0, '项', 'COUNT')]),
    ('全年接待游客2000万人次。', [q('2000万人次', 20000000.0, '人次', 'COUNT')]),
    ('航班起降1.2万架次。', [q('1.2万架次', 12000.0, '架次', 'COUNT')]),
    ('该市拥有高校12所。', [q('12所', 12.0, '所', 'COUNT')]),
    ('会议发布了8份文件。', [q('8份', 8.0, '份', 'COUNT')]),
    ('集团旗下有4个品牌。', [q('4个', 4.0, '个', 'COUNT')]),
    ('城市轨道交通新增运营里程30公里。', [q('30公里', 30.0, 'km', 'MEASURE')]),
    ('年产值约1.5万亿元左右。', [q('约1.5万亿元左右', 1500000000000.0, 'CNY', 'MONEY', qualifier='~')]),
    ('下降约3个百分点。', [q('约3个百分点', 3.0, 'pp', 'PERCENT_POINT', qualifier='~')]),
    ('同比增长3.9%。', [q('3.9%', 3.9, '%', 'PERCENT')]),
    ('同比下降1.2%。', [q('1.2%', 1.2, '%', 'PERCENT')]),
    ('企业利润总额为-12.5亿元。', [q('-12.5亿元', -1250000000.0, 'CNY', 'MONEY')]),
    ('投资规模超500亿元。', [q('超500亿元', 50000000000.0, 'CNY', 'MONEY', qualifier='>')]),
    ('成交量放大至1.2万手。', [q('1.2万手', 12000.0, '手', 'COUNT')]),
    # Prices per unit, lists sharing one unit
    ('单价为每斤3.5元。', [q('3.5元', 3.5, 'CNY/斤', 'MONEY')]),
    ('单价为每公斤12.8元和15.6元。', [q('12.8元', 12.8, 'CNY/kg', 'MONEY'), q('15.6元', 15.6, 'CNY/kg', 'MONEY')]),
    ('出口额分别为1.2万亿、1.5万亿和1.8万亿元。', [q('1.2万亿', 1200000000000.0, 'CNY', 'MONEY'), q('1.5万亿', 1500000000000.0, 'CNY', 'MONEY'), q('1.8万亿元', 1800000000000.0, 'CNY', 'MONEY')]),
    ('两项指标分别提高1.2和1.6个百分点。', [q('两项', 2.0, '项', 'COUNT'), q('1.2', 1.2, 'pp', 'PERCENT_POINT'), q('1.6个百分点', 1.6, 'pp', 'PERCENT_POINT')]),
    ('增速分别比上月高0.5个和1个百分点。', [q('0.5个', 0.5, 'pp', 'PERCENT_POINT'), q('1个百分点', 1.0, 'pp', 'PERCENT_POINT')]),
    # Context: currency words, lower bounds, index points, measures
    ('新增就业约1100万人。', [q('约1100万人', 11000000.0, '人', 'COUNT', qualifier='~')]),
    ('比例达到三分之二以上。', [q('三分之二以上', 0.6666666667, 'fraction', 'FRACTION', qualifier='>')]),
    ('国内生产总值接近100万亿元。', [q('100万亿元', 100000000000000.0, 'CNY', 'MONEY', qualifier='~')]),
    ('注册资本为人民币5000万。', [q('5000万', 50000000.0, 'CNY', 'MONEY')]),
    ('拟以自有资金2000万美元投资。', [q('2000万美元', 20000000.0, 'USD', 'MONEY')]),
    ('覆盖全国近200个城市。', [q('近200个', 200.0, '个', 'COUNT', qualifier='~')]),
    ('共有数千台设备在运行。', [r('数千台', None, '台', 'COUNT', lo=2000.0, hi=9000.0)]),
    ('签约项目上亿元。', [q('上亿元', 100000000.0, 'CNY', 'MONEY', qualifier='>')]),
    # the 约 of 签约 / 节约 is no "about"; after other words it is
    ('为企业完成债转股签约8亿元。', [q('8亿元', 800000000.0, 'CNY', 'MONEY')]),
    ('全年节约3万吨标准煤。', [q('3万吨', 30000.0, 't', 'MEASURE')]),
    ('成交额约8亿元。', [q('约8亿元', 800000000.0, 'CNY', 'MONEY', qualifier='~')]),
    ('该指数收于3050.12点。', [q('3050.12点', 3050.12, '点', 'MEASURE')]),
    ('城镇化率提高1.02个百分点。', [q('1.02个百分点', 1.02, 'pp', 'PERCENT_POINT')]),
    ('平均气温为25摄氏度。', [q('25摄氏度', 25.0, '°C', 'MEASURE')]),
    ('降雨量达到120毫米。', [q('120毫米', 120.0, 'mm', 'MEASURE')]),
    ('治理水土流失面积1.5万平方公里。', [q('1.5万平方公里', 15000.0, 'km2', 'MEASURE')]),
    ('风电装机达到3.5亿千瓦。', [q('3.5亿千瓦', 350000000.0, 'kW', 'MEASURE')]),
    ('储能规模达到10吉瓦时。', [q('10吉瓦时', 10.0, 'GWh', 'MEASURE')]),
    ('全市超过一半的企业已复工。', [q('超过一半', 0.5, 'fraction', 'FRACTION', qualifier='>')]),
    ('受访者中超过两位数的比例表示担忧。', [q('超过两位数', 10.0, '%', 'PERCENT', qualifier='>')]),
    ('研究员今年32岁。', [q('32岁', 32.0, '岁', 'MEASURE')]),
    ('两者兼顾才能行稳致远。', [q('两者', 2.0, '', 'CARDINAL')]),
    ('全国四省份率先试点。', [q('四省份', 4.0, '省份', 'COUNT')]),
    ('中国有近14亿人口。', [q('近14亿人口', 1400000000.0, '人', 'COUNT', qualifier='~')]),
    ('每百元营业收入中的成本为84元。', [q('百元', 100.0, 'CNY', 'MONEY'), q('84元', 84.0, 'CNY', 'MONEY')]),
    ('新增贷款十三点九万亿元。', [q('十三点九万亿元', 13900000000000.0, 'CNY', 'MONEY')]),
    ('执法人员出动3万余辆次。', [q('3万余辆次', 30000.0, '辆次', 'COUNT', qualifier='>')]),
    ('平台处罚机构150家次。', [q('150家次', 150.0, '家次', 'COUNT')]),
    ('全年销售额2.5亿元，同比增长12.3%。', [q('2.5亿元', 250000000.0, 'CNY', 'MONEY'), q('12.3%', 12.3, '%', 'PERCENT')]),
    # Names, labels, clock times, scores
    ('北京时间凌晨3点，比赛开始。', []),
    ('这是他第5次参加比赛。', []),
    ('全球前10名中国占3席。', [q('3席', 3.0, '席', 'COUNT')]),
    ('95后已成为消费主力。', []),
    ('《2024中国汽车报告》发布。', []),
    ('一带一路倡议提出已有多年。', []),
    ('三国演义是一部名著。', []),
    ('他住在3号楼2单元。', []),
    ('会议在18:30开始。', []),
    ('比分定格在3:1。', []),
    ('本场比赛得到90分。', []),
    # Currency symbols and signs
    ('价格为¥500。', [q('¥500', 500.0, 'CNY', 'MONEY')]),
    ('总额为$300万。', [q('$300万', 3000000.0, 'USD', 'MONEY')]),
    ('股价下跌-3.5%。', [q('-3.5%', -3.5, '%', 'PERCENT')]),
    ('收入约为¥1.2亿。', [q('¥1.2亿', 120000000.0, 'CNY', 'MONEY')]),
]


def _record(text: str, piece: str, nth: int, fields: dict) -> dict:
    start, end = _span(text, piece, nth)
    return {"span": [start, end], **fields}


def _actual(quantity: Quantity) -> dict:
    data = quantity.to_json()
    assert data["subject"] is None and data["metric"] is None and data["time"] is None
    assert data["change"] == "level"
    return {k: data[k] for k in ("span", "value", "min", "max", "unit", "kind", "qualifier")}


@pytest.mark.parametrize("text,expected", QUANTITY_CASES, ids=[c[0][:24] for c in QUANTITY_CASES])
def test_quantities(text, expected):
    actual = [_actual(x) for x in extract_quantities(text)]
    wanted = [_record(text, piece, nth, fields) for piece, nth, fields in expected]
    assert len(actual) == len(wanted), actual
    for got, want in zip(actual, wanted):
        for key in ("value", "min", "max"):
            if want[key] is None:
                assert got[key] is None, (key, got)
            else:
                assert got[key] == pytest.approx(want[key], rel=1e-9), (key, got)
        assert {k: got[k] for k in ("span", "unit", "kind", "qualifier")} == \
            {k: want[k] for k in ("span", "unit", "kind", "qualifier")}


# cn2an reads pure Chinese numerals; these are the forms it refuses or misreads (三四 as 34), which the
# wrapper handles. None means "not a numeral".
NUMERAL_CASES = [
    ("三十万亿", (3e13, 3e13)),
    ("二十万亿", (2e13, 2e13)),
    ("一万五千亿", (1.5e12, 1.5e12)),
    ("5.86万亿", (5.86e12, 5.86e12)),
    ("1.5万亿", (1.5e12, 1.5e12)),
    ("十亿3000万", (1.03e9, 1.03e9)),
    ("13万2", (132000, 132000)),
    ("1亿5", (1.5e8, 1.5e8)),
    ("3千万", (3e7, 3e7)),
    ("2,500.00万", (2.5e7, 2.5e7)),
    ("五点六", (5.6, 5.6)),
    ("零点九", (0.9, 0.9)),
    ("十三点九万亿", (1.39e13, 1.39e13)),
    ("两千", (2000, 2000)),
    ("百万", (1e6, 1e6)),
    ("300多", (300, 300)),
    ("300多万", (3e6, 3e6)),
    ("十几", (11, 19)),
    ("十几万", (1.1e5, 1.9e5)),
    ("二十几", (21, 29)),
    ("数万", (2e4, 9e4)),
    ("几百万", (2e6, 9e6)),
    ("数千亿", (2e11, 9e11)),
    ("数万亿", (2e12, 9e12)),
    ("数十", (20, 90)),
    ("几十万", (2e5, 9e5)),
    ("数十万", (2e5, 9e5)),
    ("数", (2, 9)),
    ("十多", (10, 10)),
    ("数几", None),
    ("三四十", (30, 40)),
    ("两三", (2, 3)),
    ("一两", (1, 2)),
    ("七八", (7, 8)),
    ("三五", None),
    ("一二", (1, 2)),
    ("二〇二〇", None),
    ("万一", None),
    ("几", (2, 9)),
]


@pytest.mark.parametrize("numeral,expected", NUMERAL_CASES, ids=[c[0] for c in NUMERAL_CASES])
def test_parse_numeral(numeral, expected):
    got = parse_numeral(numeral)
    if expected is None:
        assert got is None
    else:
        assert got == pytest.approx(expected, rel=1e-9)


def test_fold_width_keeps_length_and_offsets():
    text = "增长２．５％，共１２３４５股，ＡＢＣ（１）"
    folded = fold_width(text)
    assert len(folded) == len(text)
    assert folded == "增长2.5%，共12345股，ABC(1)"


def test_full_width_spans_point_into_the_canonical_text():
    text = "全年营收１２．５亿元，增长３．２％。"
    spans = [text[x.start:x.end] for x in extract_quantities(text)]
    assert spans == ["１２．５亿元", "３．２％"]


def test_quantities_never_overlap_times():
    text = "2025年6月，公司15个交易日内减持1.2%，1年半后投产，员工35岁。"
    from pipeline.numbers import extract_times

    times = extract_times(text, "2025-07-01")
    quantities = extract_quantities(text)
    assert [text[t.start:t.end] for t in times] == ["2025年6月", "15个交易日", "1年半"]
    assert [text[x.start:x.end] for x in quantities] == ["1.2%", "35岁"]
    for t in times:
        for x in quantities:
            assert t.end <= x.start or x.end <= t.start
