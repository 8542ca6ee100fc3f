"""The README's SQL example returns the right rows on the sample corpus."""
import re
import sqlite3

from click.testing import CliRunner

from pipeline.cli import cli

from .conftest import REPO


def readme_query() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", readme, flags=re.S)
    assert blocks, "README.md has no ```sql block"
    return blocks[0]


def test_revenue_growth_query_on_the_samples(tmp_path):
    db = tmp_path / "samples.sqlite"
    result = CliRunner().invoke(cli, ["run", str(REPO / "corpora" / "samples"), "--out", str(db), "-q"])
    assert result.exit_code == 0, result.output
    rows = sqlite3.connect(db).execute(readme_query()).fetchall()
    # 2024 revenue growth above 10% in the sample articles (hand-checked against corpora/gold/samples.jsonl);
    # excluded: 华岳医药 +8.7%, 远拓物流集团 +4.5%, declines, net-profit growth and 2025 figures.
    assert [(company, growth, period) for company, growth, period, _ in rows] == [
        ("青岚科技", 37.8, "2024年"),
        ("星河电子", 23.6, "2024年"),
        ("华信精工", 12.37, "前三季度"),
    ]
