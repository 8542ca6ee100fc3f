"""Fact roles on table cases: the sentence, the quantity, and the roles it must get (ANNOTATION.md §4, §6)."""
import pytest

from pipeline.config import Config
from pipeline.facts import assign_roles, load_verbs, sentence_bounds
from pipeline.model import Article, Entity
from pipeline.nlp import annotate, build_nlp


VERBS = load_verbs()  # the lexicon the pipeline passes (pipeline/nlp.py)


@pytest.fixture(scope="module")
def pipeline_nlp():
    return build_nlp(Config(stages=("times", "quantities", "facts")))


def roles(nlp, text, date="2025-10-24", entities=()):
    """{quantity text: (subject, metric, time, change)} with role spans shown as text."""
    article = annotate(nlp, Article(id="t", text=text, date=date))
    if entities:  # oracle entities, to test the assembler apart from the NER model
        found = [Entity(text.index(e), text.index(e) + len(e), label) for e, label in entities]
        qs = [q.with_roles(subject=None, metric=None, time=None, change="level") for q in article.quantities]
        words = [(t.idx, t.idx + len(t.text)) for t in nlp.make_doc(text)]
        article = Article(id="t", text=text, date=date, entities=found, times=article.times,
                          quantities=assign_roles(text, qs, article.times, found, words, VERBS))
    show = article.span_text
    return {show(q.span): (show(q.subject), show(q.metric), show(q.time), q.change) for q in article.quantities}


CASES = [
    # the issue's own examples
    ("截至2025年6月底，中国日均Token消耗量已经突破30万亿。", [("中国", "LOC")],
     {"30万亿": ("中国", "日均Token消耗量", "2025年6月底", "level")}),
    ("2024年，数据产业规模达5.86万亿元，较“十三五”末增长117%。", (),
     {"5.86万亿元": ("数据产业", "规模", "2024年", "level"),
      "117%": ("数据产业", "规模", "2024年", "increase")}),
    # a comparison base is not the time role
    ("2019年，全行业实现营业利润709亿元，比上年增长32.7%。", (),
     {"709亿元": ("全行业", "营业利润", "2019年", "level"),
      "32.7%": ("全行业", "营业利润", "2019年", "increase")}),
    # 分别 hands out a list of subjects in order
    ("华东、华中和西南地区分别为10200亿元、6300亿元和850亿元。", (),
     {"10200亿元": ("华东", None, None, "level"), "6300亿元": ("华中", None, None, "level"),
      "850亿元": ("西南地区", None, None, "level")}),
    # list items with their own names take the list's metric
    ("2024年，华东营业收入5.2亿元、华南3.1亿元。", (),
     {"5.2亿元": ("华东", "营业收入", "2024年", "level"), "3.1亿元": ("华南", "营业收入", "2024年", "level")}),
    # a value reached is level; a fall is decrease; a rise in points after a comparison is increase
    ("一季度，企业级调用的占比提高至45.48%，比上年末高3.2个百分点。", (),
     {"45.48%": ("企业级调用", "占比", "一季度", "level"), "3.2个百分点": ("企业级调用", "占比", "一季度", "increase")}),
    ("今年上半年，华岳医药营业收入下降4.5%。", [("华岳医药", "ORG")],
     {"4.5%": ("华岳医药", "营业收入", "今年上半年", "decrease")}),
    # an entity is the subject; the verb's object is the metric
    ("2024年，星河电子实现营业收入128.6亿元，同比增长15.2%。", [("星河电子", "ORG")],
     {"128.6亿元": ("星河电子", "营业收入", "2024年", "level"),
      "15.2%": ("星河电子", "营业收入", "2024年", "increase")}),
    ("春节期间，民航发送旅客3543万人次。", (),
     {"3543万人次": ("民航", "发送旅客", "春节", "level")}),
    # an activity in a later clause is what the sentence's subject did, not a new owner
    ("今年以来，青州市银行业共走访企业3200家，签约授信金额860亿元。", (),
     {"860亿元": ("青州市银行业", "签约授信金额", "今年", "level")}),
    # measure words that compound with the head belong to the metric (贷款余额), not the owner
    ("9月末，绿色企业贷款余额3.2万亿元，贷款户数比年初增加12万户。", (),
     {"3.2万亿元": ("绿色企业", "贷款余额", "9月末", "level"), "12万户": ("绿色企业", "贷款户数", "9月末", "increase")}),
    # a written owner of a statistical indicator is the subject
    ("1月，软件服务业实到外资3.5亿美元。", (), {"3.5亿美元": ("软件服务业", "实到外资", "1月", "level")}),
    # activities whose amount is the figure
    ("春节期间，外国游客出入境85万人次。", (), {"85万人次": ("外国游客", "出入境", "春节", "level")}),
    # a rate word goes with the verb, not with the owner
    ("国庆假期，全省交警部门日均投入警力2万人次。", (),
     {"2万人次": ("全省交警部门", "日均投入警力", "国庆假期", "level")}),
    # 分别 hands out the items of a list named in an earlier clause
    ("一季度，青州市外贸主要流向机电产品、纺织服装、农产品等传统领域，占比分别为40.1%、20.5%和9.8%。", (),
     {"40.1%": ("机电产品", "占比", "一季度", "level"), "20.5%": ("纺织服装", "占比", "一季度", "level"),
      "9.8%": ("农产品", "占比", "一季度", "level")}),
    # a national owner word before an indicator is the subject (gold notes: 我国 / 全国 / 全社会 / 国内)
    ("前三季度，国内原油产量达1.2亿吨。", (), {"1.2亿吨": ("国内", "原油产量", "前三季度", "level")}),
    ("2024年，全社会用电量9.8万亿千瓦时。", (), {"9.8万亿千瓦时": ("全社会", "用电量", "2024年", "level")}),
    # 分…看 continues the previous sentence of the paragraph: its time carries over
    ("2024年，青州市用电量52亿千瓦时。分产业看，第二产业用电量30亿千瓦时。", (),
     {"30亿千瓦时": ("第二产业", "用电量", "2024年", "level")}),
    # bilateral trade: the partner is the subject (gold notes), 与 is not a comparison here
    ("今年前5个月，我与东盟贸易总值2.1万亿元，增长6.1%。", [("东盟", "ORG")],
     {"2.1万亿元": ("东盟", "贸易总值", "今年前5个月", "level"),
      "6.1%": ("东盟", "贸易总值", "今年前5个月", "increase")}),
    # 日均 is a rate word, not 日 + the adverb 均
    ("今年以来，青州板累计成交额900亿元，日均45亿元。", (),
     {"45亿元": ("青州板", "日均", "今年", "level")}),
    # counts with an actor distinct from what is counted (ANNOTATION §6): actor subject, counted noun metric
    ("截至6月底，青州板共有52家公司上市交易。", (), {"52家": ("青州板", "公司上市交易", "6月底", "level")}),
    # a long phrase ending in 总量 names what is counted: it stays the metric
    ("1月，青州市邮政业务总量1.2亿件。", (), {"1.2亿件": ("青州市", "邮政业务总量", "1月", "level")}),
    # a clause opening with 为 or an 按…口径 adverbial continues the sentence's subject
    ("2024年，青岚科技归母净亏损1.2亿元，上年同期为盈利0.8亿元。", [("青岚科技", "ORG")],
     {"0.8亿元": ("青岚科技", "盈利", "上年同期", "level")}),
    # a figure before 的 describes the noun after it; a target it sets is not a subject
    ("调查显示，60%以上的会员企业将扩大投资。", (), {"60%以上": ("会员企业", None, None, "level")}),
    # a name the sentence opened with owns a measure written without an owner
    ("青州智能的助手“小青”上线一年来，用户规模突破300万。", [("小青", "PRODUCT")],
     {"300万": ("小青", "用户规模", "一年", "level")}),
    # list items that stand for the verb's object; a verb and its object after 共 say what is counted
    ("国庆假期，全省交警部门日均出动警力2万人次、警车3000余辆次，共查处各类交通违法行为12万起。", (),
     {"2万人次": ("全省交警部门", "日均出动警力", "国庆假期", "level"),
      "3000余辆次": ("全省交警部门", "警车", "国庆假期", "level"),
      "12万起": ("全省交警部门", "查处各类交通违法行为", "国庆假期", "level")}),
    # a share (占…的X%) measures what the sentence measured, not the base after 占 (gold notes, shares); so do a
    # growth rate and a comparison after it
    ("1—8月份，青州轻工出口额43亿美元，占全省出口总额的27.2%，同比增长6.3%，高于全省出口增速5.9个百分点。", (),
     {"27.2%": ("青州轻工", "出口额", "1—8月份", "level"),
      "6.3%": ("青州轻工", "出口额", "1—8月份", "increase"),
      "5.9个百分点": ("青州轻工", "出口额", "1—8月份", "increase")}),
    # a 、 list with 和 inside its names: as many items as values
    ("2024年，纺织和服装业、机械和器材制造业利润分别增长9.0%和10.8%。", (),
     {"9.0%": ("纺织和服装业", "利润", "2024年", "increase"),
      "10.8%": ("机械和器材制造业", "利润", "2024年", "increase")}),
    # a 分别 list of periods hands out the periods; a time inside a target (完成全年任务的) is not the period, and the
    # share of a target reached measures the target (as the development gold labels 完成全年目标任务的99.7%)
    ("今年以来，青州市外贸平稳，第一季度、第二季度进出口规模分别为7.01亿元和7.66亿元。", (),
     {"7.01亿元": (None, "进出口规模", "第一季度", "level"), "7.66亿元": (None, "进出口规模", "第二季度", "level")}),
    ("前三季度，青州市完成投资800亿元，完成全年任务的80.5%。", (),
     {"80.5%": ("青州市", "全年任务", "前三季度", "level")}),
    # a modifier of a statistical indicator names no owner (national figures have none: gold notes)
    ("上半年，投向小微企业的人民币贷款增加2.7万亿元。", (),
     {"2.7万亿元": (None, "投向小微企业的人民币贷款", "上半年", "increase")}),
    # an indicator without an owner word continues the owner of the sentence
    ("1月，青州市新设外资项目56个，增长9.1%；合同外资10.9亿美元，增长19.6%。", (),
     {"10.9亿美元": ("青州市", "合同外资", "1月", "level"), "19.6%": ("青州市", "合同外资", "1月", "increase")}),
    # a bare measure takes the sentence's topic, read past a reporting opener (据介绍，)
    ("据介绍，青州地铁新线将于年底开通，全长41.4公里。", (),
     {"41.4公里": ("青州地铁新线", "全长", "年底", "level")}),
    # a company's product owns the figure (X旗下Y的, X开源的Y)
    ("青岚科技旗下小青助手的月活跃用户数超过300万。", [("青岚科技", "ORG"), ("小青助手", "PRODUCT")],
     {"超过300万": ("小青助手", "月活跃用户数", None, "level")}),
    # 均价 is a measure, not the adverb 均 before 价; a modifying verb (折叠) does not split an owner
    ("折叠屏手机出货量增长2.5%，均价约为1,200美元。", (),
     {"1,200美元": ("折叠屏手机", "均价", None, "level")}),
    # 按可比口径 is an adverbial, not a subject
    ("国庆假期，全国国内出游8.9亿人次，按可比口径较去年同期增加1.2亿人次。", (),
     {"1.2亿人次": ("全国国内", "出游", "国庆假期", "increase")}),
    # a connective opener (其中，) is not the clause the topic name is looked for in
    ("其中，消费品牌企业蜜果科技于3月7日挂牌，发行价为24.20港元/股。", [("蜜果科技", "ORG")],
     {"24.20港元/股": ("蜜果科技", "发行价", None, "level")}),
    # a time after the phrase is not part of it; orders on hand are a measure
    ("截至9月30日，公司股价年内累计上涨45.48%。", (), {"45.48%": ("公司", "股价", "年内", "increase")}),
    ("截至2024年末，东川重工在手订单约380亿元。", (), {"约380亿元": ("东川重工", "在手订单", "2024年末", "level")}),
    # a name the model ends in an activity (…累计出口) is a boundary error, not a subject
    ("前7个月，新能源汽车累计出口130.8万辆。", [("新能源汽车累计出口", "ORG")],
     {"130.8万辆": ("新能源汽车", "累计出口", "前7个月", "level")}),
    # a duration that is a window (两年多来, 前6天) is the period; 其间 continues the previous sentence's time
    ("两年多来，青州市营业收入增长约14.5亿元。", (), {"约14.5亿元": ("青州市", "营业收入", "两年", "increase")}),
    ("国庆黄金周，青州警方全力维护秩序。其间，共破获各类案件261起。", (),
     {"261起": (None, "破获各类案件", "国庆黄金周", "level")}),
    # national statistics written without an owner word have no subject
    ("2024年，二氧化硫排放量下降3.1%，钢材综合价格指数平均为105.8点。", (),
     {"3.1%": (None, "二氧化硫排放量", "2024年", "decrease"), "105.8点": (None, "钢材综合价格指数", "2024年", "level")}),
    # 迈上 (reaching a mark) is a predicate: the clause continues the sentence's subject and metric
    ("2024年青州市粮食总产量141亿斤，首次迈上140亿斤新台阶。", (),
     {"140亿斤": ("青州市粮食", "总产量", "2024年", "level")}),
    # 分别 list items that are a verb's objects are metrics; the sentence's subject goes on
    ("国庆假期，全省交警部门共查处交通违法行为6万起，其中路面查获酒后驾驶、疲劳驾驶、违规载人等行为同比分别上升15%、26%和88%。", (),
     {"15%": ("全省交警部门", "酒后驾驶", "国庆假期", "increase"),
      "26%": ("全省交警部门", "疲劳驾驶", "国庆假期", "increase"),
      "88%": ("全省交警部门", "违规载人", "国庆假期", "increase")}),
    # a value recovered to a share of a base period: the base is neither metric nor time
    ("“五一”期间，青州市餐饮消费已恢复至去年同期八成左右。", (),
     {"八成左右": ("青州市餐饮", "消费", "五一", "level")}),
    # parallel items after ；take the measure already named, even when their name opens with a verb-like word
    ("2024年，新闻服务营业收入810亿元，增长4.0%；创意设计服务1106亿元，增长6.5%。", (),
     {"1106亿元": ("创意设计服务", "营业收入", "2024年", "level"),
      "6.5%": ("创意设计服务", "营业收入", "2024年", "increase")}),
    # a 分别 list of measures (the last item holds the metric word) hands out metrics, not owners
    ("2024年化学需氧量、氨氮排放量分别下降2.1%和1.7%。", (),
     {"2.1%": (None, "化学需氧量", "2024年", "decrease"), "1.7%": (None, "氨氮排放量", "2024年", "decrease")}),
    # a gloss in brackets neither breaks the clause nor joins the phrase; a figure inside it leaves the
    # sentence's reading alone
    ("4月末，青州小微贷款（含单户授信800万元以内的经营贷款）余额1.6万亿元，同比增长25.1%。", (),
     {"1.6万亿元": ("青州小微贷款", "余额", "4月末", "level"), "25.1%": ("青州小微贷款", "余额", "4月末", "increase")}),
    ("2024年初，青州日均Token（词元，模型处理文本的单位）消耗量为1000亿。", (),
     {"1000亿": ("青州", "日均Token（词元，模型处理文本的单位）消耗量", "2024年初", "level")}),
    # a clipped sentence (分季度看) takes the metric of the sentence it continues (§6)
    ("前三季度，青州市国内生产总值同比增长7.3%。分季度看，一季度增长7.7%，二季度增长7.1%。", (),
     {"7.7%": (None, "国内生产总值", "一季度", "increase"), "7.1%": (None, "国内生产总值", "二季度", "increase")}),
    # progress is a measure
    ("截至9月底，青州新线建设进度达到55.8%。", [("青州", "LOC")], {"55.8%": ("青州", "新线建设进度", "9月底", "level")}),
    # the date of an event (公告, 挂牌) in another clause is not the period of a later figure (gold notes)
    ("青岚科技10月20日晚间公告，公司在手订单5.2亿元。", [("青岚科技", "ORG")],
     {"5.2亿元": ("青岚科技", "在手订单", None, "level")}),
    # a stock code after the name is neither subject nor metric
    ("星河电子（001399.SZ）2024年实现营业收入128.6亿元。", [("星河电子", "ORG")],
     {"128.6亿元": ("星河电子", "营业收入", "2024年", "level")}),
    # a figure box: the number opens its line and its caption follows
    ("数读\n\u3000\u30003.6万辆\xa0青州市新能源汽车保有量\n", (),
     {"3.6万辆": ("青州市新能源汽车", "保有量", None, "level")}),
    # names listed right before a count are what is counted: the counted noun is the subject (§6, counts)
    ("今年，3号线北延和环城线西段两条线路将于年底开通。", [("3号线", "LOC")],
     {"两条": ("线路", None, "今年", "level")}),
    ("3月1日，青禾、鲜达、惠万家三大超市蔬菜销量680吨。", (),
     {"三大": ("超市", None, "3月1日", "level")}),
    # 前6天 opening a headline is its window (time role); 提前 is an adverb, not part of the owner
    ("前6天青州发送旅客52万人次\n本报青州10月7日电", (), {"52万人次": ("青州", "发送旅客", "前6天", "level")}),
    ("2024年，青州全市提前完成造林3.2万亩。", (), {"3.2万亩": ("青州全市", "造林", "2024年", "level")}),
    # the measure after a list of shares goes for each of them
    ("其中，续航表现以41.5%的比例居首，外观设计和屏幕效果分别以30.2%和18.6%的比例位居其后。", (),
     {"41.5%": ("续航表现", "比例", None, "level"), "30.2%": ("外观设计", "比例", None, "level"),
      "18.6%": ("屏幕效果", "比例", None, "level")}),
    # a share followed by 的 and a metric noun measures that noun
    ("前8月，青州轻工业以仅占全市工业12.5%的资产总额，实现了全市工业16.1%的营业收入和17.3%的利润。", (),
     {"12.5%": ("青州轻工业", "资产总额", "前8月", "level"), "16.1%": ("青州轻工业", "营业收入", "前8月", "level"),
      "17.3%": ("青州轻工业", "利润", "前8月", "level")}),
    # a count whose phrase ends in the actor's verb: the actor is the subject, the counted noun the metric
    ("截至3月末，青州绿色贷款支持了1200户小微企业。", (),
     {"1200户": ("青州绿色贷款", "小微企业", "3月末", "level")}),
    # a duration followed by 累计 / 之内 / 就 is the window of the figure; 在去年基础上 is a comparison base
    ("2月3日和4日，青州央行支行两天累计投放资金120亿元。", (), {"120亿元": ("青州央行支行", "累计投放资金", "两天", "level")}),
    ("今年，青州小微企业贷款利率在去年基础上下调0.5个百分点。", (),
     {"0.5个百分点": ("青州小微企业", "贷款利率", "今年", "decrease")}),
    # a preposition or total word before the number is no part of the phrase (…预算多在, 共计)
    ("2024年，青州居民月均工资多在5000元以上。", (), {"5000元以上": ("青州居民", "月均工资", "2024年", "level")}),
    ("目前，青州在建地铁线路共计17条。", (), {"17条": ("青州", "在建地铁线路", "目前", "level")}),
    # a leading one-character preposition is cut from the subject; a pronoun is no subject (heldout / DECISIONS)
    ("一季度，经广西口岸进出口值为24.6亿元。", (), {"24.6亿元": ("广西口岸", "进出口值", "一季度", "level")}),
    ("“我们已签订各类整机供货合同120台。”", (), {"120台": (None, "签订各类整机供货合同", None, "level")}),
    # adverbs and conjunctions around the phrase are neither subject nor metric (但…却, 逆势)
    ("2月，但青州鲜花销量却比上年同期下降了64%。", (), {"64%": ("青州鲜花", "销量", "2月", "decrease")}),
    ("一季度，青州实到外资逆势增长4.5%。", (), {"4.5%": ("青州", "实到外资", "一季度", "increase")}),
    # an amount after a verb measures the noun that follows it
    ("2月5日，青州农商银行发放3000万元纾困贷款，用于采购原料。", (),
     {"3000万元": ("青州农商银行", "纾困贷款", "2月5日", "level")}),
    # a count after a verb: the words before the verb are the actor, the counted noun the metric (§6)
    ("2024年，青岚科技参与30多个城市更新项目。", [("青岚科技", "ORG")],
     {"30多个": ("青岚科技", "城市更新项目", "2024年", "level")}),
    ("2024年，青州研发团队成功攻克了5项工艺难题。", (),
     {"5项": ("青州研发团队", "工艺难题", "2024年", "level")}),
    # a named actor of the sentence goes on to a later clause's count after a verb
    ("2024年，青岚科技参与30多个城市更新项目，已为20多个国家提供服务。", [("青岚科技", "ORG")],
     {"20多个": ("青岚科技", "国家", "2024年", "level")}),
    # …but a verb alone is no actor (培育认定N家…)
    ("截至8月底，培育认定120家青州孵化器。", (),
     {"120家": ("青州孵化器", None, "8月底", "level")}),
    # the counted noun may open with a verb that modifies it, or with a quoted name; an actor may hold a count
    ("去年，西部12个县共认定900多个助农产品。", (),
     {"12个": ("县", None, "去年", "level"), "900多个": ("西部12个县", "助农产品", "去年", "level")}),
    ("3月2日，青州出台16条“助企”措施。", [("青州", "LOC")],
     {"16条": ("青州", "“助企”措施", "3月2日", "level")}),
    # a named owner of the sentence goes on; words before a measure that own nothing belong to it
    ("今年前三季度，青州共有6项指标增速居全省第一，其中，地区生产总值增长7.1%，规上工业增加值增长9.2%。",
     [("青州", "LOC")],
     {"7.1%": ("青州", "地区生产总值", "今年前三季度", "increase"),
      "9.2%": ("青州", "规上工业增加值", "今年前三季度", "increase")}),
    # …but not over a phrase that owns figures itself (a market, a sector)
    ("今年以来，青州指数上涨约9.6%，青州市场日均成交额超过240亿元。", [("青州指数", "PRODUCT")],
     {"超过240亿元": ("青州市场", "日均成交额", "今年", "level")}),
    # one character that is no name is no subject: a function word goes, a split-off first character
    # goes back to the metric
    ("青州规模越大，每多增长一个百分点，带来的增量越多。", (),
     {"一个百分点": (None, None, None, "increase")}),
    # a count with no actor and no measure word: what is counted is the subject (§6); 接近 is a predicate
    ("今年，新注册青州企业超过300万户，增速接近9%。", (),
     {"超过300万户": ("新注册青州企业", None, "今年", "level"),
      "9%": ("新注册青州企业", "增速", "今年", "level")}),
    # 实际 / 名义 before a change belong to the change, not the measure
    ("前三季度，青州城镇居民人均可支配收入实际增长5.1%。", (),
     {"5.1%": ("青州", "城镇居民人均可支配收入", "前三季度", "increase")}),
    # a rate word opens the measure; the words before it own it
    ("国庆期间，青州东站日均发送旅客达到4万人次。", (),
     {"4万人次": ("青州东站", "日均发送旅客", "国庆", "level")}),
    # a group the sentence opens with (N家X + verb) owns the later clauses' figures, as a name does
    ("3家青州运营商落实提速要求，流量平均资费降幅超过20%，降费约46亿元。", (),
     {"3家": ("青州运营商", None, None, "level"),
      "超过20%": ("青州运营商", "流量平均资费降幅", None, "level"),
      "约46亿元": ("青州运营商", "降费", None, "decrease")}),
    # verbs jieba's dictionary tags as something else (清偿 vn, 落实 a) are verbs; the first of two verbs opens the activity
    ("截至9月底，青州共清偿拖欠中小企业账款48亿元。", (),
     {"48亿元": ("青州", "清偿拖欠中小企业账款", "9月底", "level")}),
    # a count after 对 / 为 / 向 with no verb between: the actor is before the preposition; a count inside that
    # count's object has the same actor; two joined nouns are one counted noun
    ("3月，青州投资者共对全球26个国家和地区的180家企业进行了投资。", (),
     {"26个": ("青州投资者", "国家和地区", "3月", "level"), "180家": ("青州投资者", "企业", "3月", "level")}),
    # …but a second noun that runs on is left out
    ("今年，320家青州企业和社会组织结对帮扶。", (),
     {"320家": ("青州企业", None, "今年", "level")}),
    # an activity after a manner adverb (及时投放…) is what the sentence's named actor did
    ("青州银行立即组成服务队，主动联系企业，及时投放贷款3000万元。", [("青州银行", "ORG")],
     {"3000万元": ("青州银行", "投放贷款", None, "level")}),
    # N大 counts what follows it like a classifier; 名义 / 实际 alone leave the metric to the clause before;
    # 跃升到 reaches a level of the measure already named
    ("如今的青州已形成三大产业链。", (), {"三大": ("青州", "产业链", "如今", "level")}),
    ("钢材、电池、整车三大“金柱子”，后劲足。", (), {"三大": ("金柱子", None, None, "level")}),
    # the noun phrase a sentence opens with (before its first verb) did the later clause's activity
    ("2月10日，青州铁路迎来返程高峰，预计发送旅客52万人次，同比增长3.1%。", (),
     {"52万人次": ("青州铁路", "发送旅客", "2月10日", "level"),
      "3.1%": ("青州铁路", "发送旅客", "2月10日", "increase")}),
    ("青州的创业团队被评为优秀，获得120万元股权投资。", (),
     {"120万元": ("青州的创业团队", "股权投资", None, "level")}),
    # a preposition inside the phrase ends the actor (对 does not: 我国对美国进出口 is bilateral trade)
    ("青州财政按企业实际贷款利率的40%给予贴息。", (), {"40%": ("青州财政", "贷款利率", None, "level")}),
    # the named actor of a sentence that opens with a date acts in its later clauses; of "A与B", A acts;
    # a name whose clause reports data (…数据显示) is a source, not an actor
    ("2021年3月2日，青州银行通过专项基金，为县内企业完成债转股签约6亿元。", [("青州银行", "ORG")],
     {"6亿元": ("青州银行", "完成债转股", "2021年3月2日", "level")}),
    ("3月19日，青州银行与青州发改委共同举办签约会，以视频方式与青州电子、青州地铁等企业完成15个重点项目签约。",
     [("青州银行", "ORG"), ("青州发改委", "ORG")],
     {"15个": ("青州银行", "重点项目", "3月19日", "level")}),
    ("10月15日，青州统计局对外发布的数据显示，9月物价上涨2.6%，涨幅比上月扩大0.3个百分点。", [("青州统计局", "ORG")],
     {"0.3个百分点": (None, "涨幅", "9月", "increase")}),
    # a clause that names a measure and its change, then a clause with the figure only; enumerators (一是) go
    ("一是青州企业级调用的占比提高，6月已升至35.2%。", (), {"35.2%": ("青州企业级调用", "占比", "6月", "level")}),
    # a predicate word at the end of a measure word stays (研发投入 is a measure, 投入 alone a predicate)
    ("青州央企研发投入同比增长25%。", (), {"25%": ("青州央企", "研发投入", None, "increase")}),
    # 从…看 / 分…看 sentences of named parts take the measure of the sentence before, not its share
    ("分区域看，东部地区企业实现营业收入5868亿元，占全国比重为71.0%。从增速看，西部地区增长11.2%。", (),
     {"11.2%": ("西部地区", "营业收入", None, "increase")}),
    # a relative clause after a leading 累计 names what is counted
    ("截至目前，累计完成备案的青州服务超过40个。", (), {"超过40个": ("完成备案的青州服务", None, "目前", "level")}),
    # a marker's character that opens a word stays (到位资金); a rate word after the predicate goes with the figure
    ("青州稳妥实施债转股，到位资金超过了1000亿元。", (), {"1000亿元": (None, "到位资金", None, "level")}),
    ("青州东站是全省最大车站之一，客流量达到日均8万人次。", [("青州东站", "LOC")],
     {"8万人次": ("青州东站", "客流量", None, "level")}),
    # a subhead that opens with its figures: the description after the comma, its verb the change
    ("引言。\n　　9%和7.1%，青州民营企业增加值增长快于整体工业\n正文。", (),
     {"9%": ("青州民营企业", "增加值", None, "increase"), "7.1%": ("青州民营企业", "增加值", None, "increase")}),
    # a 分别为： list takes the measure named before the colon, even a count's own noun (品种总量)
    ("青州智能产品品种总量排名前三的县市分别为：东县1.5万种、西县0.6万种。", [("东县", "LOC"), ("西县", "LOC")],
     {"1.5万种": ("东县", "青州智能产品品种总量", None, "level"),
      "0.6万种": ("西县", "青州智能产品品种总量", None, "level")}),
    # a size word is what a physical measure measures; the thing before it, or the sentence's opening noun, owns it
    ("青州号火箭全长约43.7米，芯一级直径4米。", (),
     {"约43.7米": ("青州号火箭", "全长", None, "level"), "4米": ("芯一级", "直径", None, "level")}),
    ("该部件采用分段式结构，总长度13.5米，重达88吨。", (),
     {"13.5米": ("该部件", "总长度", None, "level"), "88吨": ("该部件", "重", None, "level")}),
    # money after an activity verb with nothing else named: the activity is the metric, its doer the subject
    ("青州市投入2.5亿元，修复六处湿地。", [("青州市", "LOC")], {"2.5亿元": ("青州市", "投入", None, "level")}),
    ("1—8月青州企业减税超过820亿元。", (), {"超过820亿元": ("青州企业", "减税", "1—8月", "decrease")}),
    # 由 / 曾 / 可 before the figure are adverbs; a time opening the measure after 预计 stays out of it
    ("青州贫困发生率由9.65%下降到0.37%。", [("青州", "LOC")],
     {"9.65%": ("青州", "贫困发生率", None, "level"), "0.37%": ("青州", "贫困发生率", None, "level")}),
    ("青州铜业公司预计2026年产值可达300亿元。", [("青州铜业公司", "ORG")],
     {"300亿元": ("青州铜业公司", "产值", "2026年", "level")}),
    # …and so does a physical amount (not an age)
    ("上周青州隧道推进150米。", (), {"150米": ("青州隧道", "推进", "上周", "level")}),
    # an amount before 的 and a measure word is that measure; a frequency (每月) is no subject
    ("青州店每月几万元的利息，压得人喘不过气。", (), {"几万元": ("青州店", "利息", None, "level")}),
    ("每月3000多元的工资让他很满意。", (), {"3000多元": (None, "工资", None, "level")}),
    # …but a speaker is no actor
    ("王青州介绍，获得100万元股权投资。", (), {"100万元": (None, "股权投资", None, "level")}),
    ("一季度，青州居民人均可支配收入8,179元，名义增长5.1%。", (),
     {"5.1%": ("青州", "居民人均可支配收入", "一季度", "increase")}),
    ("青州公司销售额已从2017年的300万元，跃升到去年的4600万元。", (),
     {"4600万元": ("青州公司", "销售额", "去年", "level")}),
    # the value of a comparison base belongs to the base's time; a ratio to the base does not
    ("截至6月底，青州日均调用量已突破3万亿，较2024年初的100亿增长300多倍。", (),
     {"100亿": ("青州", "日均调用量", "2024年初", "level"),
      "300多倍": ("青州", "日均调用量", "6月底", "increase")}),
    # a national owner word, adverbs, then what it did
    ("春运前10天，全国累计发送旅客6.95亿人次。", (),
     {"6.95亿人次": ("全国", "发送旅客", "春运前10天", "level")}),
    # 公司 / 该企业 is the company the sentence named (not a source, not a counted noun)
    ("青岚科技海外子公司经理王明告诉记者，目前公司中方员工近80名。", [("青岚科技海外子公司", "ORG"), ("王明", "PERSON")],
     {"近80名": ("青岚科技海外子公司", "中方员工", "目前", "level")}),
    ("青州交易所数据显示，今年以来共有12家企业在青州挂牌。", [("青州交易所", "ORG")],
     {"12家": ("企业", None, "今年", "level")}),
    # a counted noun ends at an adverbial adjective or a preposition after its first word
    ("随着第三批6部钻机顺利运抵青州，项目进入新阶段。", (), {"6部": ("钻机", None, None, "level")}),
    # a later clause with no subject of its own counts for the actor the sentence opened with
    ("青州通过试点，仅三个月就解决了21个审批问题。", [("青州", "LOC")],
     {"21个": ("青州", "审批问题", "三个月", "level")}),
    # 分别比…: the listed items are comparison bases, not owners
    ("本报青州电（记者王明、李青）9月，社会融资规模增量为5.2亿元，分别比上月和上年同期多0.4亿元和0.3亿元。",
     [("王明", "PERSON"), ("李青", "PERSON")],
     {"0.4亿元": (None, "社会融资规模增量", "9月", "increase"),
      "0.3亿元": (None, "社会融资规模增量", "9月", "increase")}),
    # a statistic is not its own owner; an ASCII gloss belongs to the indicator
    ("粮食单位面积产量390.2公斤/亩，比上年增加4.8公斤。", (),
     {"4.8公斤": (None, "粮食单位面积产量", None, "increase")}),
    ("6月末，广义货币（M2）同比增长7.9%，增速较上月末高0.3个百分点。", (),
     {"7.9%": (None, "广义货币（M2）", "6月末", "increase"),
      "0.3个百分点": (None, "增速", "6月末", "increase")}),
    # …and an owner-less national statistic keeps no owner in its later clauses, whoever reported it
    ("青州统计局发布的数据显示：上半年国内生产总值（GDP）1200亿元，按可比价格计算，同比增长5.3%。",
     [("青州统计局", "ORG")], {"5.3%": (None, "国内生产总值（GDP）", "上半年", "increase")}),
    # a modal or adverb word does not end a subject; a per-unit word (每公斤) goes with the figure
    ("调查显示，常喝绿茶的人死亡率会降低12%。", (), {"12%": ("常喝绿茶的人", "死亡率", None, "decrease")}),
    ("春节以来，青州猪肉批发均价稳定在每公斤42元左右。", [("青州", "LOC")],
     {"42元左右": ("青州", "猪肉批发均价", "春节", "level")}),
    # a counted list item is the subject with no metric, not the earlier clause's measure; 人次 counts the
    # owner's activity, which goes on
    ("去年青州通过公益岗位安置贫困劳动力9万人，其中护林员3.2万人、保洁员2.1万人。", [("青州", "LOC")],
     {"3.2万人": ("护林员", None, "去年", "level"), "2.1万人": ("保洁员", None, "去年", "level")}),
    ("假期前3天，青州发送旅客120万人次；其中铁路40万人次。", (),
     {"40万人次": ("铁路", "发送旅客", None, "level")}),
    # a dispatch's dateline and the reporter's source are not the sentence's opening; the same day named twice
    # keeps the date written first as the time
    ("本报青州10月9日电（记者王明）记者从青州客运公司获悉：10月8日，国庆长假最后一天，青州铁路迎来客流高峰，"
     "预计发送旅客52万人次。", [("青州客运公司", "ORG"), ("王明", "PERSON")],
     {"52万人次": ("青州铁路", "发送旅客", "10月8日", "level")}),
    # a source that opens the sentence owns nothing
    ("本报青州4月16日电（记者 王明）青州统计局16日发布数据，初步核算，一季度国内生产总值约30.2万亿元，"
     "同比增长5.1%，增速比上年四季度加快0.2个百分点。", [("青州统计局", "ORG"), ("王明", "PERSON")],
     {"0.2个百分点": (None, "增速", "一季度", "increase")}),
    # the actor of an activity is the name that opens the latest clause before it, not the sentence's first name
    ("青州某机械企业复产后急需原料，面临资金缺口，青州农商银行立即组成服务小组，主动联系企业，及时投放贷款3000万元。",
     [("青州", "LOC"), ("青州农商银行", "ORG")], {"3000万元": ("青州农商银行", "投放贷款", None, "level")}),
    # 其中，PART value: the part's name is the subject, the measure the sentence before named is the metric (§6)
    ("1—6月，青州国有企业营业总收入3200亿元，同比增长5.1%。其中，市属企业1800亿元，同比增长6.3%。", (),
     {"1800亿元": ("市属企业", "营业总收入", "1—6月", "level"),
      "6.3%": ("市属企业", "营业总收入", "1—6月", "increase")}),
    # a clause that names a measure and its turn (由涨转降) gives the next clause's figure its roles
    ("12月份，青州猪肉价格环比由涨转降，下降4.6%；同比上涨87.0%。", [("青州", "LOC")],
     {"4.6%": ("青州", "猪肉价格", "12月份", "decrease"), "87.0%": ("青州", "猪肉价格", "12月份", "increase")}),
    # foreign investment and trade are measures (利用外资, 吸收外资, 货物贸易)
    ("服务业吸收外资681.7亿元，增长12.5%。", (), {"12.5%": ("服务业", "吸收外资", None, "increase")}),
    ("去年青州与东盟货物贸易超过1300亿元，增长6%。", [("青州", "LOC"), ("东盟", "ORG")],
     {"6%": ("青州", "东盟货物贸易", "去年", "increase")}),
    # 其 + measure: "its" measure, owned by the sentence's subject
    ("青岚科技去年营业收入50亿元，其净利润增长12%。", [("青岚科技", "ORG")],
     {"12%": ("青岚科技", "净利润", "去年", "increase")}),
    ("青岚科技于3月5日挂牌，其股价收盘较发行价上涨41.5%。", [("青岚科技", "ORG")],
     {"41.5%": ("青岚科技", "股价", None, "increase")}),
    # market share and parameter size are whole measures, owned by the sentence's name
    ("青岚科技上半年平板电脑出货量约30万台，市场份额约为12%。", [("青岚科技", "ORG")],
     {"12%": ("青岚科技", "市场份额", "上半年", "level")}),
    # 募资 is an activity: the group counted before it raised the money
    ("今年以来共有9家企业在青州上市，募资总额约42.5亿元。", (),
     {"约42.5亿元": ("企业", "募资总额", "今年", "level")}),
    # money after a verb of spending or saving (one-character ones too) measures that activity; 为 ends the actor
    ("这次谈判为青州节省了近20万元。", (), {"近20万元": ("这次谈判", "节省", None, "level")}),
    ("全镇机关干部共捐了12.5万元。", (), {"12.5万元": ("全镇机关干部", "捐", None, "level")}),
    # an age describes the person named after it
    ("60岁的养蚕带头人李青山带动全村养蚕致富。", [("李青山", "PERSON")], {"60岁": ("李青山", None, None, "level")}),
    # 分别 after a list of figures already read: each growth is of that figure's measure and owner
    ("一季度，青岚科技营收10亿元、华信精工营收8亿元，分别增长5%和6%。", [("青岚科技", "ORG"), ("华信精工", "ORG")],
     {"5%": ("青岚科技", "营收", "一季度", "increase"), "6%": ("华信精工", "营收", "一季度", "increase")}),
    ("4月青州班列开行数量达到120列、运送货物1.1万标箱，同比分别增长6%和8%。", [("青州", "LOC")],
     {"6%": ("青州", "班列开行数量", "4月", "increase"), "8%": ("青州", "运送货物", "4月", "increase")}),
    # a rate word the segmenter cut (复|岗率) is whole again; a list of measures goes item by item
    ("截至5月10日，青州规上企业平均开工率和复岗率分别达96.5%和93.5%。", (),
     {"93.5%": (None, "复岗率", "5月10日", "level")}),
    # a rate named after "N%的" is the metric even when the clause goes on after it
    ("协会负责人告诉记者，青州5.2%的经济增速令周边城市羡慕。", [("青州", "LOC")],
     {"5.2%": ("青州", "经济增速", None, "level")}),
    # 连年 is an adverb: the clause before names the measure that grew
    ("此后，青州教育经费支出连年增长，2021年达到36.9亿元。", [("青州", "LOC")],
     {"36.9亿元": ("青州", "教育经费支出", "2021年", "level")}),
    # a role never ends inside the brackets of a gloss
    ("1—9月，青州民间投资（不含农户）增长4.7%。", [("青州", "LOC")],
     {"4.7%": ("青州", "民间投资（不含农户）", "1—9月", "increase")}),
    # 经测算 reports; after 影响 the affected owner's measure is what the figure is about
    ("经测算，个别企业去年大幅计提减值损失，影响青州规模以上工业企业利润增速下降1.1个百分点。", [("青州", "LOC")],
     {"1.1个百分点": ("青州规模以上工业企业", "利润增速", "去年", "decrease")}),
    # 由 T 的 X 提升至 Y: T is X's time, a base for Y
    ("近年来，青州提出将粮食年产量由目前的21万吨提升至35万吨。", [("青州", "LOC")],
     {"21万吨": ("青州", "粮食年产量", "目前", "level"), "35万吨": ("青州", "粮食年产量", "近年来", "level")}),
    # 分别 over figures read in earlier clauses (not a 、-list): each growth is of that figure (a count has no metric)
    ("青州合作社有870个，家庭农场250个，分别比上年增长8%和12%。", (),
     {"12%": ("家庭农场", None, None, "increase")}),
    # a share of a whole indicator names it after 的
    ("目前，青州民营经济贡献了55%的税收，65%的国内生产总值。", [("青州", "LOC")],
     {"65%": ("青州", "国内生产总值", "目前", "level")}),
    # …and a list of such shares is of the noun phrase after each, for the same owner
    ("目前，青州民营经济贡献了55%的税收，65%的国内生产总值，75%的技术创新成果，85%的城镇劳动就业。", [("青州", "LOC")],
     {"75%": ("青州", "技术创新成果", "目前", "level"), "85%": ("青州", "城镇劳动就业", "目前", "level")}),
    # a list mark is no part of the subject
    ("——青州口罩生产企业31家，平均开工率目前为64%。", (), {"64%": ("青州口罩生产企业", "平均开工率", "目前", "level")}),
    # 保持 ends the measure before it, 一直 is an adverb
    ("今年以来，青州景区客流量连续保持12%左右的增长。", [("青州", "LOC")],
     {"12%左右": ("青州", "景区客流量", "今年", "level")}),
    # a statistical communiqué's footnote mark is no part of the measure
    ("全年青州网上零售额［24］1063亿元，按可比口径计算，较上年增长15.2%。", [("青州", "LOC")],
     {"1063亿元": ("青州", "网上零售额", "全年", "level"), "15.2%": ("青州", "网上零售额", "全年", "increase")}),
    # surpluses and balances are measures; a 不含 gloss belongs to the indicator; 筹资 is an activity
    ("去年青州货物进出口顺差291亿元，比上年增加59亿元。", [("青州", "LOC")],
     {"291亿元": ("青州", "货物进出口顺差", "去年", "level"), "59亿元": ("青州", "货物进出口顺差", "去年", "increase")}),
    ("去年青州固定资产投资（不含农户）551亿元，增长5.4%。", [("青州", "LOC")],
     {"551亿元": ("青州", "固定资产投资（不含农户）", "去年", "level")}),
    # 从 A 的 x 下调…: 从 ends the measure; livestock on hand (存栏) is a measure; a footnote mark ends a subject
    ("青州支小再贷款利率从此前的3.15%下调0.35个百分点。", [("青州", "LOC")],
     {"3.15%": ("青州", "支小再贷款利率", None, "level"), "0.35个百分点": ("青州", "支小再贷款利率", None, "decrease")}),
    ("年末青州生猪存栏310万头，下降17.5%。", [("青州", "LOC")], {"17.5%": ("青州", "生猪存栏", "年末", "decrease")}),
    ("全年青州规上工业里，新兴产业［7］增加值比上年增长7.1%。", (),
     {"7.1%": ("新兴产业", "增加值", "全年", "increase")}),
    # 扣除…后的 narrows the measure (the owner goes on), and another clause's 上年同期 is not this figure's time
    ("业绩方面，青岚科技前三季度营业收入5.2亿元，上年同期为3.1亿元；扣除非经常性损益后的净利润为-1185.6万元。",
     [("青岚科技", "ORG")], {"-1185.6万元": ("青岚科技", "扣除非经常性损益后的净利润", "前三季度", "level")}),
    # a clause naming a measure and its trend (呈现下降趋势, 保持增长态势) gives a later bare figure its roles,
    # over a clause that is only a time
    ("青州儿童近视率2010年至2016年一直呈现下降趋势，但2017年至2019年，从11.1%回升至13.2%。", [("青州", "LOC")],
     {"13.2%": ("青州", "儿童近视率", "2019年", "increase")}),
    ("青州居民人均收入保持较快增长态势，去年达到5.1万元。", [("青州", "LOC")],
     {"5.1万元": ("青州", "居民人均收入", "去年", "level")}),
    # 其中，PART value takes the earlier measure of a figure in the same unit, not the sentence's last measure
    ("4月份，青州班列运送货物8.8万标箱，综合重箱率97.8%。其中，去程5.3万标箱，重箱率99.9%。", [("青州", "LOC")],
     {"5.3万标箱": ("去程", "班列运送货物", "4月份", "level")}),
    # 中长期 narrows the loan, not the owner
    ("9月，企业中长期贷款增加563亿元。", (), {"563亿元": ("企业", "中长期贷款", "9月", "increase")}),
    # an activity verb right before an amount names a new measure, not the one carried from the clause before
    # (but a change verb, 新增, goes on with it)
    ("青州银行单列8亿元专项资金，利率较同类业务低20%以上，目前已完成贷款投放2600万元。", [("青州银行", "ORG")],
     {"2600万元": ("青州银行", "投放", "目前", "level")}),
    # the noun phrase the sentence opens with (after 从…来看，) owns a later measure that names no owner
    ("从上半年的数据来看，青州电能替代增长较快，替代量达16亿千瓦时。", (),
     {"16亿千瓦时": ("青州电能替代", "替代量", "上半年", "level")}),
    # a conversion (按年平均汇率折算) is neither owner nor activity: the figure is the measure before it
    ("初步核算，2019年青州地区生产总值9908亿元，按年平均汇率折算达到1440亿美元。", [("青州", "LOC")],
     {"1440亿美元": ("青州", "地区生产总值", "2019年", "level")}),
    # 其中，PART 分别 values: the measures the sentence before listed, in order
    ("截至5月10日，全国规上企业平均开工率和复岗率分别达96.1%和93.1%。其中，青岚县分别达95.2%和91.2%。",
     [("青岚县", "LOC")], {"95.2%": ("青岚县", "全国规上企业平均开工率", "5月10日", "level"),
                           "91.2%": ("青岚县", "复岗率", "5月10日", "level")}),
    # a named owner's list of measures before 分别: one measure per value
    ("截至5月10日，青州规上企业平均开工率和复岗率分别达96.1%和93.1%。", [("青州", "LOC")],
     {"96.1%": ("青州", "规上企业平均开工率", "5月10日", "level"),
      "93.1%": ("青州", "复岗率", "5月10日", "level")}),
    # a later clause that ends in its verb is an event of the sentence's subject (not a new owner)
    ("青岚电子于5月8日挂牌，发行价为12.5元/股，公开发售部分获超额认购200多倍，冻结资金逾800亿元。",
     [("青岚电子", "ORG")],
     {"200多倍": ("青岚电子", "公开发售部分获超额认购", None, "level"),
      "逾800亿元": ("青岚电子", "冻结资金", None, "level")}),
    # the next count of an actor's 、-list has the same actor
    ("青岚集团已为全球30多个国家和地区、超过150个城市提供服务。", [("青岚集团", "ORG")],
     {"30多个": ("青岚集团", "国家和地区", None, "level"), "超过150个": ("青岚集团", "城市", None, "level")}),
    # a short word before a measure word, after the sentence opened with its subject, narrows the measure
    ("截至6月末，青岚板共有52家公司上市，累计筹资额612亿元，市价总值8250亿元。", (),
     {"8250亿元": ("青岚板", "市价总值", "6月末", "level")}),
    # …but a parallel owner of a measure word already read is a new owner
    ("猪肉、鸡蛋价格涨幅在2.1%—9.5%之间，鲜果价格上涨3.3%。", (),
     {"3.3%": ("鲜果", "价格", None, "increase")}),
    # parallel owners that end in the same activity word (国债发行…，金融债券发行…) stay owners
    ("2019年，青州共发行各类债券4.5万亿元。其中，国债发行0.4万亿元，金融债券发行0.7万亿元。", [("青州", "LOC")],
     {"0.7万亿元": ("金融债券", "发行各类债券", "2019年", "level")}),
    # a share word written after the base (占全国的比重) is the metric itself
    ("青州民营企业进出口1.2万亿元，占全省外贸的比重为41.5%。", [("青州", "LOC")],
     {"41.5%": ("青州", "比重", None, "level")}),
    # an opening "X方面，" whose activity words follow an owner: the owner is the subject of the clauses after it
    ("青州劳动力务工就业方面，已外出务工120万人。", (), {"120万人": ("青州劳动力", "外出务工", None, "level")}),
    # …but a domain (民生方面) owns nothing
    ("民生方面，去年居民人均可支配收入增长5.8%。", (), {"5.8%": (None, "居民人均可支配收入", "去年", "increase")}),
    # a name that only modifies the counted noun is no actor: the whole noun phrase is counted (§6, counts)
    ("截至目前，青州软件企业超1200家。", [("青州", "LOC")], {"超1200家": ("青州软件企业", None, "目前", "level")}),
    # …but an activity noun after the name (服务企业) leaves the name as the owner
    ("青岚生态服务企业超过7万家。", [("青岚", "ORG")], {"超过7万家": ("青岚", "生态服务企业", None, "level")}),
    # bare numbers in an actor's list of objects count the noun after them, for the same actor
    ("青岚集团建成数千台服务器、数百亿Tokens语料库和数亿参数模型。", [("青岚集团", "ORG")],
     {"数百亿": ("青岚集团", "Tokens语料库", None, "level"), "数亿": ("青岚集团", "参数模型", None, "level")}),
    # a counted noun joined by 和 ends before a numeral (数据记录|和数十个平台)
    ("青岚集团建成数千台服务器、数百亿条数据记录和数十个平台。", [("青岚集团", "ORG")],
     {"数百亿条": ("青岚集团", "数据记录", None, "level"), "数十个": ("青岚集团", "平台", None, "level")}),
    # money with no measure before it is of the noun right after it; a threshold word (大关) names nothing
    ("不到一小时，45万元贷款就到了账。", (), {"45万元": (None, "贷款", None, "level")}),
    ("青州电商交易额突破800亿元大关。", [("青州", "LOC")], {"800亿元": ("青州电商", "交易额", None, "level")}),
    # the clause's verb and the adverbs before it are no part of the subject (央企完成 → 央企)
    ("2019年，省属企业上交税费1.1万亿元。", (), {"1.1万亿元": ("省属企业", "税费", "2019年", "level")}),
    ("今年以来，全省港口完成货物吞吐量3.2亿吨。", (), {"3.2亿吨": ("全省港口", "货物吞吐量", "今年", "level")}),
    # words before a rate that name no one say what it is the rate of (自驾出行比例); owners stay owners
    ("自驾出行比例超过六成。", (), {"超过六成": (None, "自驾出行比例", None, "level")}),
    ("青州煤矿引入智能监管，风险识别率达到97%。", [("青州", "LOC")],
     {"97%": ("青州", "风险识别率", None, "level")}),
    ("9月末，省属企业平均资产负债率为61.2%。", (), {"61.2%": ("省属企业", "平均资产负债率", "9月末", "level")}),
    # a saving (节水25%) is a decrease of the thing saved, by the sentence's saver (gold notes, pd-part-d)
    ("青州稻田引入智能灌溉系统，节水25%、节肥35%。", [("青州", "LOC")],
     {"25%": ("青州", "水", None, "decrease"), "35%": ("青州", "肥", None, "decrease")}),
    # a record's window (创下近5年来新高) in another clause is not the period of a later figure
    ("8月青州CPI上涨2.8%，涨幅创下近5年来新高；PPI同比下降1.1%。", [("青州", "LOC")],
     {"1.1%": ("青州", "PPI", "8月", "decrease")}),
    # a count's part after 其中 is a sub-group: what is counted is the subject, even when a verb opens it (gold notes)
    ("全年青州农民工总量290万人。其中，外出农民工174万人。", [("青州", "LOC")],
     {"174万人": ("外出农民工", None, "全年", "level")}),
    # 增产 / 减产 are changes of output
    ("2019年青州粮食产量66万吨，增产0.9%。", [("青州", "LOC")],
     {"0.9%": ("青州", "粮食产量", "2019年", "increase")}),
    ("2019年青州油料产量3万吨，减产1.2%。", [("青州", "LOC")],
     {"1.2%": ("青州", "油料产量", "2019年", "decrease")}),
    # 从最初 X，到如今 Y: the starting value is no comparison base of the phrase, and the later value has the same
    # owner and measure (已经 is one adverb, not 已 + 经)
    ("从2015年成立至今，青岚软件销售额从最初近3000万元，到如今已经突破15亿元。", (),
     {"近3000万元": ("青岚软件", "销售额", "至今", "level"), "15亿元": ("青岚软件", "销售额", "如今", "level")}),
    # a clause that only names a measure, then 从 T 的 X 下降至 Y: both values are of it; T is the starting value's
    ("调查显示，青州待岗职工比例，从2月份的17.5%回落到4.2%。", [("青州", "LOC")],
     {"17.5%": ("青州", "待岗职工比例", "2月份", "level"), "4.2%": ("青州", "待岗职工比例", None, "level")}),
    # a later clause's verb with a relative clause before its count (排查出…的60多家) goes on with the sentence's actor
    ("市场监管部门通过抽查，梳理出存在隐患的60多家商户，并发出整改通知。", (),
     {"60多家": ("市场监管部门", "商户", None, "level")}),
    # …and so does a list of the counted items before the count (攻克了甲、乙等6项难题): the actor is before the verb
    ("研发团队成功攻克了材料配比、焊接变形等6项工艺难题。", (), {"6项": ("研发团队", "工艺难题", None, "level")}),
    # 全市 right before a count in the clause's object owns it (gold notes: 我国 / 全国 / 全市); a count that opens the
    # sentence is its own group (全市135个超市门店开展…)
    ("智慧农业的推广，让全市65个乡镇、900个村庄受益。", (),
     {"65个": ("全市", "乡镇", None, "level"), "900个": ("全市", "村庄", None, "level")}),
    ("全市120个超市门店开展平价蔬菜销售。", (), {"120个": ("超市门店", None, None, "level")}),
    # a share written inside the phrase (风电装机占新增装机的35%) is of the measure before 占, and a change word in
    # the share's object (新增) is no change of the share
    ("2024年，新增发电装机80万千瓦，其中，风电装机占新增装机的35%。", (),
     {"35%": ("风电", "装机", "2024年", "level")}),
    # a bare noun compared with an earlier time, after the sentence named its owner, is a measure of that owner
    ("截至6月末，青州在营小贷机构120家，贷款余额比年初下降12%，借款人比年初下降18%。", (),
     {"18%": ("青州在营小贷机构", "借款人", "6月末", "decrease")}),
    # 实际 qualifies the activity (实际放款企业, 实际放款金额); the sentence's owner goes on
    ("截至目前，青州全区银行共对接企业超过1200家，签约授信企业800家、签约授信金额20.5亿元，实际放款企业650家、"
     "实际放款金额12.3亿元。", (),
     {"650家": ("青州全区银行", "实际放款企业", "目前", "level"),
      "12.3亿元": ("青州全区银行", "实际放款金额", "目前", "level")}),
    # enforcement verbs the frequency cut of the verb lexicon leaves out: with no actor, the activity is the metric
    ("其间，共破获各类盗窃案件120起，打掉犯罪团伙15个，查缴各类违禁品3万余件。", (),
     {"15个": (None, "打掉犯罪团伙", None, "level"), "3万余件": (None, "查缴各类违禁品", None, "level")}),
    # 两年多来: the rest of the period phrase after the duration is no subject
    ("青州理财规模明显收缩，两年多来共压缩高风险产品约1.5万亿元。", (),
     {"约1.5万亿元": ("青州", "压缩高风险产品", "两年", "decrease")}),
    # a 分别 list of measures whose first item opens with their owner: each item is a measure of that owner
    ("青州2020年全市规上工业营业收入、规上工业利润总额和技改投资分别增长11%、19%、32%，增速居全省前列。", (),
     {"11%": ("青州", "全市规上工业营业收入", "2020年", "increase"),
      "19%": ("青州", "规上工业利润总额", "2020年", "increase"), "32%": ("青州", "技改投资", "2020年", "increase")}),
    ("青州2020年规上工业营业收入、利润总额和技改投资分别增长11%、19%和32%。", (),
     {"11%": ("青州", "规上工业营业收入", "2020年", "increase"), "19%": ("青州", "利润总额", "2020年", "increase"),
      "32%": ("青州", "技改投资", "2020年", "increase")}),
    # 共计 / 总计 lead a clause as one adverb (not 共|计投放)
    ("青州银行今年支持小微企业发展，共计投放贷款43亿元。", [("青州银行", "ORG")],
     {"43亿元": ("青州银行", "投放贷款", "今年", "level")}),
    # a share inside the phrase after a name is of the name's measure before 占; a share word right after the
    # number (约30%用户份额) is the measure
    ("今年前7个月，青州智能手表销量占可穿戴设备总销量的45%。", [("青州", "LOC")],
     {"45%": ("青州", "智能手表销量", "今年前7个月", "level")}),
    ("青岚AI视频生成模型占据全球约30%用户份额。", (),
     {"约30%": ("青岚AI视频生成模型", "用户份额", None, "level")}),
    # 完成…目标的X%: the share of the target reached measures the target
    ("前三季度，青州城镇新增就业8.2万人，完成年度目标任务的88.6%。", [("青州", "LOC")],
     {"88.6%": ("青州", "年度目标任务", "前三季度", "level")}),
    # a verb with a one-character noun head is a noun (充电|桩): 公共充电桩 is the sub-group counted (gold notes)
    ("截至7月底，青州充电桩累计数量达到16.6万台，其中公共充电桩约4万个。", [("青州", "LOC")],
     {"约4万个": ("公共充电桩", None, "7月底", "level")}),
    # bilateral trade written 中X: the partner named before owns the figure (gold notes, bilateral trade)
    ("日本为青州第二大贸易伙伴，中日贸易总值为120.5亿元，增长3.2%。", [("日本", "LOC"), ("青州", "LOC")],
     {"120.5亿元": ("日本", "贸易总值", None, "level"), "3.2%": ("日本", "贸易总值", None, "increase")}),
    # with only activities written (办理|新设), no owner: what was set up is counted (§6, counts)
    ("青州去年外资增长较快。其中，办理新设外资企业236家，合同外资金额8.9亿美元。", [("青州", "LOC")],
     {"236家": ("外资企业", None, "去年", "level")}),
    # a sentence that opens with a period since an event (投产以来至9月底，) still opens with its subject: a short
    # modifier before a later measure word (市价|总值) is part of the measure
    ("开园以来至9月底，高新园区共有36家企业入驻投产，累计融资额49.55亿元，市价总值566.3亿元，累计成交额93.2亿元。", (),
     {"566.3亿元": ("高新园区", "市价总值", "9月底", "level"), "93.2亿元": ("高新园区", "成交额", "9月底", "level")}),
    # a share of funds by use (gold notes, pd-part-d): the funds are the subject, the use the metric
    ("青岚公司今年把40%的利润用于技术改造。", (), {"40%": ("利润", "技术改造", "今年", "level")}),
    ("县里要求确保专项资金的70%以上用于村级项目。", (), {"70%以上": ("资金", "村级项目", None, "level")}),
    # a share after money and the noun it buys (获得500万元天使投资，占…的6.5%) is of that noun
    ("青岚团队获得500万元天使投资，占公司股份的6.5%。", (), {"6.5%": ("青岚团队", "天使投资", None, "level")}),
    # the period of one enumerated item is not the next item's; a release date (3月发布的…) dates the thing, not
    # the figure
    ("一是外贸占比提高，6月已升至45.5%；二是物流成本下降，部分线路的运价较年初降低了20%。", (),
     {"45.5%": ("外贸", "占比", "6月", "level"), "20%": ("部分线路", "运价", None, "decrease")}),
    ("3月发布的青岚大模型累计下载量已超500万次。", (), {"超500万次": ("青岚大模型", "累计下载量", None, "level")}),
    # a unit that is itself the counted noun (6省市): the words before it name the group, which owns the measure
    # that follows it
    ("中部6省市文旅消费金额达36.5亿元。", (),
     {"6省市": ("中部", None, None, "level"), "36.5亿元": ("中部6省市", "文旅消费金额", None, "level")}),
    # the firms that open a ；-part and act in it own the indicator later in that part
    ("分行业看，纺织企业加快设备更新，加大研发投入，固定资产投资同比增长12.5%；化工企业压缩落后产能，固定资产投资同比下降3.2%。",
     (), {"12.5%": ("纺织企业", "固定资产投资", None, "increase"), "3.2%": ("化工企业", "固定资产投资", None, "decrease")}),
    # 以X为例，: the example is the actor of what follows
    ("以家电企业青岚电器为例，上半年已销售120万台，销量同比增长8%。", (),
     {"120万台": ("家电企业青岚电器", "销售", "上半年", "level"), "8%": ("家电企业青岚电器", "销量", "上半年", "increase")}),
    # two verbs in a row (外出|务工) modify the noun after them: no verb-object split
    ("三季度末，外出务工农村劳动力总量1.9万人，同比增长1.1%。", (),
     {"1.1%": ("外出务工农村劳动力", "总量", "三季度末", "increase")}),
    # a relative clause between a count and its noun (3家|处于试产阶段的|电池企业): the noun is what is counted
    ("目前，这3家处于试产阶段的电池企业均已投产。", (), {"3家": ("电池企业", None, "目前", "level")}),
    # X增速高于Y增速N个百分点: the difference is of X; Y is the base
    ("今年以来，纺织业利润增速高于营收增速3.2个百分点。", (),
     {"3.2个百分点": ("纺织业", "利润增速", "今年", "increase")}),
    # an actor's verb says what its times count (出动22队次); the next item of its list names what it counts
    ("森林消防队伍共出动12队次、队员90人次参与山火扑救。", (),
     {"12队次": ("森林消防队伍", "出动", None, "level"), "90人次": ("森林消防队伍", "队员", None, "level")}),
    # a change word inside an amount noun (减税额度) is no change
    ("今年，青州小微企业减税额度在12亿元以上。", [("青州", "LOC")],
     {"12亿元以上": ("青州", "小微企业减税额度", "今年", "level")}),
    # 快于…2.5%的投资增速: a value of the comparison base is no difference (§6, differences)
    ("前三季度，技术改造投资增长8.9%，明显快于全省2.5%的投资增速。", (),
     {"2.5%": ("全省", "投资增速", "前三季度", "level")}),
    # a change verb right after the figure (两位数增长) says the change, unless the figure is a base or a start
    ("今年以来，青州投资始终保持两位数增长。", [("青州", "LOC")], {"两位数": ("青州", "投资", "今年", "increase")}),
    # a growth right after an actor's count is the growth of what was counted
    ("截至9月末，青州农商银行支持了1.2万户个体工商户，同比增长12.5%。", [("青州农商银行", "ORG")],
     {"12.5%": ("青州农商银行", "个体工商户", "9月末", "increase")}),
    # 7天假期: a duration that names the holiday's days is the window of the figure (not after the holiday's name)
    ("春节假期全省交通运行平稳，据统计，7天假期全省道路运输共发送旅客约338万人次。", (),
     {"约338万人次": ("全省道路运输", "发送旅客", "7天", "level")}),
    # 低于3.5%: a comparison verb right before the number bounds the value; no base, no difference
    ("今年青州小微企业融资成本低于3.5%。", (), {"3.5%": ("青州小微企业", "融资成本", "今年", "level")}),
    # changes before a copula are its topic, not the figure's change
    ("需求回升和成本下降是两个重要原因。", (), {"两个": ("重要原因", None, None, "level")}),
    # “十三五”以来: the closing quote and 以来 after a quoted period are no part of the phrase
    ("“十三五”以来全市快递业务量年均增长近30%。", (), {"近30%": ("全市", "快递业务量", "十三五", "increase")}),
    # 带动农户户均增收: the object of the verb owns the rate measure after it
    ("青岚合作社去年种植蓝莓300亩，带动农户户均增收4200元。", (), {"4200元": ("农户", "户均增收", "去年", "increase")}),
    # the 年 of a time word (去年, 今年) is not the rate word 年 of a measure; a count of new items after 全市 has
    # the items as subject (gold notes, 新增/新建 X)
    ("青岚合作社去年种植蓝莓300亩。", (), {"300亩": ("青岚合作社", "种植蓝莓", "去年", "level")}),
    ("当地介绍，全市今年新增家庭农场230多户。", (), {"230多户": ("家庭农场", None, "今年", "increase")}),
    # framing phrases and connectives (取而代之的是, 为此) own nothing
    ("在江岸，取而代之的是绵延8公里的生态岸线。", (), {"8公里": (None, "生态岸线", None, "level")}),
    # 连续5年 in the figure's clause is its window; 连续 is an adverb, no part of the measure
    ("青州粮食产量连续5年保持在10亿斤以上。", (), {"10亿斤以上": ("青州", "粮食产量", "5年", "level")}),
    # 生产总值 / 地区生产总值 are one indicator: the words before them own it
    ("2018年，该县生产总值50.8亿元，同比增长8.1%。", (),
     {"50.8亿元": ("该县", "生产总值", "2018年", "level"), "8.1%": ("该县", "生产总值", "2018年", "increase")}),
    # 收缩 is a fall
    ("青州第二季度经济收缩0.3%。", [("青州", "LOC")], {"0.3%": ("青州", "经济", "第二季度", "decrease")}),
    # 主营业务收入 is one measure (not 主营|业务收入); 内地票房 keeps its 内
    ("2018年，汽车制造业主营业务收入增长2.9%。", (), {"2.9%": ("汽车制造业", "主营业务收入", "2018年", "increase")}),
    ("全年，内地票房超过60亿元。", (), {"超过60亿元": ("内地", "票房", "全年", "level")}),
    # 合计影响 / 共同拉动 lead a clause like 影响: what follows is the measure affected
    ("上述三项合计影响CPI上涨约0.3个百分点。", (), {"约0.3个百分点": ("上述", "CPI", None, "increase")}),
    # the owner before a per-unit figure (每百元营收中的成本) owns the measure after it
    ("2019年，青州纺织企业每百元营收中的成本为86.2元。", (),
     {"86.2元": ("青州纺织企业", "成本", "2019年", "level")}),
    # 有…户数N户: "there are" before a count of holders; the sentence's owner goes on
    ("到去年末，青州小微企业贷款余额是1.6万亿元，有贷款余额户数21万户。", (),
     {"21万户": ("青州小微企业", "贷款余额户数", "去年末", "level")}),
    # 这是继…: a framing phrase, no subject
    ("这是继去年将全年增长预期下调至3.4%之后的又一次下调。", (), {"3.4%": (None, "增长预期", "全年", "decrease")}),
    # 涉及 after a count: the items just counted reach what is counted next
    ("今年，青州共认定1200个绿色食品，涉及86个乡镇和300家合作社。", (),
     {"86个": ("绿色食品", "乡镇", "今年", "level"), "300家": ("绿色食品", "合作社", "今年", "level")}),
    # 由8个压减至3个: a change to the next figure is no counted noun
    ("全市审批环节由8个压减至3个。", (), {"8个": ("全市", "审批环节", None, "level")}),
]


@pytest.mark.parametrize("text, entities, expected", CASES, ids=[c[0][:14] for c in CASES])
def test_roles(pipeline_nlp, text, entities, expected):
    got = roles(pipeline_nlp, text, entities=entities)
    for quantity, want in expected.items():
        assert got[quantity] == want, quantity


def test_sentences_end_at_stops_and_line_breaks():
    text = "一。二！三？四\n五"
    assert [text[a:b] for a, b in sentence_bounds(text)] == ["一。", "二！", "三？", "四\n", "五"]


def test_roles_stay_in_the_sentence(pipeline_nlp):
    got = roles(pipeline_nlp, "2024年，中国人工智能企业超5100家。同期增长20%。",
                entities=[("中国", "LOC")])
    subject, _metric, time, change = got["20%"]
    assert subject is None  # the subject is never carried across sentences (§6)
    assert change == "increase"


def test_role_error_counts_name_each_kind():
    from pipeline.evaluation.report import role_error_counts
    from pipeline.model import Quantity

    text = "2024年，星河电子营业收入增长23.6%，华岳医药营收8.7亿元。"
    gold = Article(id="a", text=text, quantities=[
        Quantity(16, 21, 23.6, unit="%", kind="PERCENT", subject=(6, 10), metric=(10, 14), time=(0, 5),
                 change="increase"),
        Quantity(29, 34, 8.7e8, unit="CNY", kind="MONEY", subject=(22, 26), metric=(26, 28))])
    pred = Article(id="a", text=text, quantities=[
        Quantity(16, 21, 23.6, unit="%", kind="PERCENT", subject=(10, 14), metric=None, time=(0, 5),
                 change="level"),
        Quantity(29, 34, 8.7e8, unit="CNY", kind="MONEY", subject=(22, 26), metric=(26, 28), time=(0, 5))])
    assert role_error_counts([gold], [pred]) == {
        "change: increase→level": 1, "metric: missing": 1, "subject: other span": 1, "time: spurious": 1}


def test_a_count_of_provinces_inside_a_base_takes_no_measure(pipeline_nlp):
    # 占同期华东四省份进出口总值的8.7%: the provinces counted are part of the base; no measure counts them
    got = roles(pipeline_nlp, "青州进出口值为24.6亿元，增长2.2%，占同期华东四省份进出口总值的8.7%。")
    assert got["四省份"][1] is None
