"""A world written by someone else: the pipeline on the independent generator's inbox.

``benchmarks/foreign_world/gen.py`` was written from ``inputs.md`` alone, without reading
this project's code or its own generator: other address spellings (Chinese numerals in
doors, stalls as 3F-2156, offices as 12F-1203), other masks, tz-aware waybill times, UTC
login times, a re-sent courier file without sender_phone, its own dirt.  Every file must be
read, every row accounted for, and the figures must stay near what the project reports
for such worlds (README, Accuracy): a regression on foreign spellings shows here first.

``benchmarks/foreign_world2/gen.py`` is a second one, by another hand: courts and homes in
five provinces (Shanghai lanes ``长宁路123弄4号502室``, Beijing ``3号楼2门301``, village groups),
one-character given names (namesakes everywhere), family accounts, a roster file named
without ``_``.

``benchmarks/foreign_world3/gen.py`` is a third: courts in eleven other provinces (colliding
district names such as 鼓楼区), Excel-style CSVs with quoted newlines and reordered columns,
waybill times in ms/us/ns, naive, UTC or Asia/Shanghai, nicknames, monthly exports, and a
parquet file cut short on purpose (the one file that may not be read).  It does not count
luxury bags as restricted consumption (this project does, under art. 3(9)), so its
violations floor is low on purpose.

``benchmarks/foreign_world4/gen.py`` is a fourth: courts in ten provinces of the north-west,
south-west and north-east (a banner, 旗), shuffled and fully quoted columns, quarterly
exports that overlap, a CSV saved as UTF-16, JSON Lines saved as ``.json``, zstd parquet
with ns times and a fixed offset, ``第3村民小组``, accounts whose masked name hides the
surname (``*兰``), numbers recycled to strangers.  Two of its files are broken on purpose
(a CSV saved as ``.parquet``, a ``.txt`` note): those may not be read.

``benchmarks/foreign_world5/gen.py`` is a fifth: 新疆 (names with ``·``), 山西, 吉林, 青海,
广东's towns under 东莞 and 中山 with no district, 海南's county-level cities; numbered
compounds (``178号1号院15幢``), ``5层501``, ``501房``, office rooms as ``Room 1203``, a firm's
department, names with titles (``王经理``), virtual numbers with extensions, an e-commerce
platform with no ID on any account, check-ins with only a ``poi``.

``benchmarks/foreign_world6/gen.py`` is a sixth: 辽宁, 四川's 凉山 (Yi names), 西藏, 湖南, 湖北,
福建, 广西, 安徽, 山东; lanes off a road (``巴陵中路229巷7号``), compounds at a street number
(``中山路390号院``), postcodes, notes and names after the room, one account's ID masked on
some rows and empty on others, exports newest on 2026-12-01.  Two of its files are broken
on purpose (an Excel lock file ``~$…csv`` and a zero-row parquet without its columns).

``benchmarks/foreign_world7/gen.py`` is a seventh: 重庆 as a municipality (flats written by
floor and door, ``14幢3单元13-3号``, street sub-numbers ``119号附9号``), 内蒙古 (Mongolian names
with no surname), 黑龙江, 云南's 景洪 (Dai namesakes, snowbirds wintering there), 河北's 燕郊;
estates at a crossing (``长青街与钢铁街交叉口``), shops at the estate gate taking parcels, a
group-buying leader's pick-up, notes after the door, exports newest on 2026-12-05.  One of
its files is Big5 on purpose and may not be read.

``benchmarks/foreign_world8/gen.py`` is an eighth: 北京 (hutong houses ``史家胡同2号院内北房``,
doors beside a number ``甲15号``, ``N楼M门``), 天津 (``荣华里3楼1门202``), 广州's and 深圳's urban
villages (``康乐村西十二巷39号203``, ``布吉村东二坊6栋``) and ``号之五``, roads ``广州大道北``,
兰州's 家属院, 海口, an e-commerce file starting with GB18030's own BOM, exports newest on
2026-12-03.

``benchmarks/foreign_world9/gen.py`` is a ninth: 苏州 (its industrial park, 高新区 and the
abolished 平江区/沧浪区/金阊区 for 姑苏区), 郑州 (doors by floor and side, ``7-2-12东``,
``东户12楼``, zones such as 郑东新区), 合肥 (政务区, 滨湖新区), 贵阳 (金阳 for 观山湖区, lettered
``组团``), 南京 (河西, 江北新区); shared flats (``301A间``), factory dormitories and gates, a
trailing comma on every CSV line, cumulative exports, ``3.20571E+17`` IDs, epoch-millisecond
check-ins, exports newest on 2026-12-08.

``benchmarks/foreign_world10/gen.py`` is a tenth: 泉州 (晋江, 石狮 and 南安 villages with 社
natural villages, ``陈埭岸兜前社12号``, and the old town's 巷 lanes), 赣州 and 南宁 with
abolished county names still written (南康市, 赣县, 武鸣县), zones (五象新区, 章江新区,
南宁高新区), Zhuang 坡 villages, 保定's old 新市区/北市区/南市区, 唐山's ``10楼2门102``,
stalls ``4FC279``, factories with no road number, full-width brackets in case numbers,
exports newest on 2026-12-10.

``benchmarks/foreign_world11/gen.py`` is an eleventh: 济南 (``号院``, ``济南市中区`` for
市中区, 槐荫 without 区), 淄博, 武汉 (``社区`` + estate, ``汉口`` before or for a district),
宜昌, 昆明 (``片区`` planning areas, ``东二环37号``) and 太原; natural villages in 庄, 峪, 湾
and 组 after a 村委会, towns without 镇; a roster with an older stale copy, one e-commerce
export's columns in another order and every field quoted, ``\\u`` escapes and UTC ``Z``
times in social exports, exports newest on 2026-12-20.

``benchmarks/foreign_world12/gen.py`` is a twelfth: 长沙 (``栋…房`` rooms, ``星沙`` for 长沙县 and
``河西`` for 岳麓), 株洲 (its own ``河西``, 天元), 湘潭 and 无锡 (``新村`` flats without units, the old
崇安/南长/北塘 for 梁溪, ``无锡新区``); natural villages in 屋场 and 埭 written with or without
their village's group; GB18030 four-byte characters, a hyphenated platform name, integer JSON
uids, times with a space for ``T``, blank JSONL lines, a zero-row parquet; newest 2026-12-24.

``benchmarks/foreign_world13/gen.py`` is a thirteenth: 成都 (flats by floor and door,
``4栋1单元15楼3号``; roads in sections, ``益州大道中段``, ``武侯大道顺江段``; 天府新区 and 高新区 for
districts; 双流县 and 郫县), 绵阳 (安县, 高新区, 科创区), 宝鸡 (``22楼东户``; factory living quarters
in rows, ``钢管厂生活区18排8号``; 宝鸡县) and 九江 (庐山区 for 濂溪区, 八里湖); natural villages in
院子, 堡 and 畈; a parquet that is an HTML error page, ``(1)`` re-downloads, a BOM before JSON
Lines, ns and us times in one parquet, a CSV cut inside a character; newest 2027-01-08.

``benchmarks/foreign_world14/gen.py`` is a fourteenth: 汕头 (cross lanes ``安平路二横5号``, 乡 for
村, flats without units ``12幢301房``, 潮阳市 and 澄海市), 珠海 (``3栋2梯1502``, 横琴新区, 唐家湾),
洛阳 (a plant's numbered blocks ``涧西区11号街坊23栋3门302``, 老城's yards ``西大街15号院3号``, 洛南新区,
吉利区), 烟台 (``401户``, 开发区 and 高新区) and 银川 (estates in phases, 队 for 组, 阅海湾); an .xlsx
saved as .csv and a parquet cut before its footer (both unreadable on purpose), an empty export,
CR-only line ends, ``geo_posts`` encoded as a JSON string, ns times, a parquet whose
all-null columns have Arrow type null; newest 2027-01-20.

``benchmarks/foreign_world15/gen.py`` is a fifteenth: 南通 (开发区 for 崇川, 港闸区, villages' high
``15组``), 莆田 (flats without units, natural villages written ``…角落``, 湄洲湾北岸), 惠州 (towers'
lettered seats ``5栋A座1203房``, ``村民小组``, 仲恺高新区 and 大亚湾), 泸州 (annex numbers
``水井沟巷12号附3号``, 社 for 组, 市中区) and 景德镇 (porcelain factories' housing
``宇宙瓷厂宿舍`` by five names); a gzip and a CSV under ``.csv`` / ``.parquet`` names (both
unreadable on purpose), a UTF-8 export among GB18030 ones, ASCII-escaped JSONL with UTC
``Z`` times, ``timestamp[ns, tz=+08:00]`` and ``large_string`` parquet, passport-style
``LIN/XIUYING``; newest 2027-02-18.

``benchmarks/foreign_world16/gen.py`` is a sixteenth: 常州 (natural villages by a pond or a head,
``马杭村委陈家塘村28号``, 国家高新区 for 新北, 武进高新区, 武进市), 蚌埠 (railway depots' housing
``铁路机务段宿舍``, 东市区 / 中市区 / 西市区 / 郊区, ``村民组``), 临汾 (units named 东/中/西, cave
courtyards ``32号院4孔窑``, lanes written without their street, 临汾市区), 威海 (side units, fishing
villages ``枣坪渔村``, 高区 / 经区 / 临港区, 文登市) and 汉中 (resettlement estates ``幸福移民搬迁安置点``,
villages now 社区 that keep their groups, 南郑县); landmark directions (``恐龙园斜对面``), pasted
contact cards, circled numbers; a PDF under a ``.csv`` name and an Arrow IPC file under a
``.parquet`` name (both unreadable on purpose), a roster in two parts; newest 2027-03-10.

``benchmarks/foreign_world17/gen.py`` is a seventeenth: 锦州 (old-town 社区 written by their
committee ``铁新委3组28号``, garages lived in ``5号楼车库12号``, 松山新区), 淮安 (淮阴市 with 清河区 /
清浦区 / 楚州区, renumbered roads ``170号（原146号）``), 邢台 (桥东区 / 桥西区, village row streets
``上营村新街89号``), 永州 (芝山区, towns named …市镇) and 玉溪 (named 村民小组 ``河营村委会松营村民小组14号``,
江川县, 澄江县); homophone typos, shortened towns, a doubled prefix; an xlsx workbook under a
``.csv`` name (unreadable on purpose), a roster dated ``2027-04-20``, a ``合计`` row, INT96 and
``Asia/Taipei`` timestamps; newest 2027-04-20.

``benchmarks/foreign_world18/gen.py`` is an eighteenth: 安顺 (mountain villages' hamlets ``…寨``
written for their group, 平坝县, 黄果树), 萍乡 and 鹤壁 (mines' compounds ``安源矿职工住宅区``,
``巨源煤矿工人村``, ``鹤煤四矿`` written ``四矿工人村``), 铜陵 (有色 mines, 新村 parts ``五松新村3区``,
铜官山区 / 狮子山区 / 铜陵县, 枞阳县 written under 安庆) and 怀化 (hamlets ``…冲`` / ``…垅``, 洪江区);
letter buildings, bus stops, ``巷子``, towns by their old 乡; an ORC file under a ``.parquet`` name
(unreadable on purpose), a ``.csv.csv`` copy, a roster repeating its header, waybill columns in
reverse, ``Asia/Singapore`` and ``Asia/Kuala_Lumpur`` timestamps; newest 2027-05-25.
"""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest

from pipelines.cli import run_direct
from pipelines.evaluate import evaluate

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
AS_OF = "2026-11-27"
# Each generator's floor for the figures of a 300-debtor world of seed 5: a little under
# what it gives today (README, Accuracy), so that only a regression fails.
GENERATORS = {
    "foreign_world": dict(hit1=0.70, work=0.65, phone=0.85, precision=0.90, false_leads=0.03, ece=0.06, violations=0.98),
    "foreign_world2": dict(hit1=0.75, work=0.65, phone=0.85, precision=0.78, false_leads=0.03, ece=0.09, violations=0.95),
    "foreign_world3": dict(hit1=0.85, work=0.60, phone=0.75, precision=0.85, false_leads=0.03, ece=0.07, violations=0.65,
                           unreadable=1),
    "foreign_world4": dict(hit1=0.78, work=0.80, phone=0.88, precision=0.90, false_leads=0.03, ece=0.08, violations=0.95,
                           unreadable=2),
    # Its dirt is a fixed number of rows, 1% of a world this small.
    "foreign_world5": dict(hit1=0.85, work=0.85, phone=0.90, precision=0.90, false_leads=0.03, ece=0.08, violations=0.95,
                           kept=0.98),
    "foreign_world6": dict(hit1=0.82, work=0.85, phone=0.85, precision=0.82, false_leads=0.03, ece=0.09, violations=0.95,
                           unreadable=2, as_of="2026-12-01"),
    "foreign_world7": dict(hit1=0.80, work=0.70, phone=0.88, precision=0.85, false_leads=0.03, ece=0.07, violations=0.95,
                           unreadable=1, as_of="2026-12-05"),
    "foreign_world8": dict(hit1=0.78, work=0.68, phone=0.85, precision=0.83, false_leads=0.03, ece=0.09, violations=0.95,
                           as_of="2026-12-03"),
    "foreign_world9": dict(hit1=0.84, work=0.75, phone=0.90, precision=0.88, false_leads=0.03, ece=0.07, violations=0.95,
                           as_of="2026-12-08"),
    "foreign_world10": dict(hit1=0.76, work=0.72, phone=0.90, precision=0.88, false_leads=0.03, ece=0.07, violations=0.95,
                            as_of="2026-12-10"),
    "foreign_world11": dict(hit1=0.86, work=0.80, phone=0.93, precision=0.87, false_leads=0.03, ece=0.08, violations=0.95,
                            as_of="2026-12-20"),
    "foreign_world12": dict(hit1=0.85, work=0.88, phone=0.92, precision=0.92, false_leads=0.03, ece=0.06, violations=0.95, kept=0.98,
                            as_of="2026-12-24"),
    "foreign_world13": dict(hit1=0.90, work=0.80, phone=0.92, precision=0.90, false_leads=0.03, ece=0.06, violations=0.95, kept=0.98,
                            unreadable=1, as_of="2027-01-08"),
    "foreign_world14": dict(hit1=0.92, work=0.85, phone=0.92, precision=0.90, false_leads=0.03, ece=0.06, violations=0.95, kept=0.98,
                            unreadable=2, as_of="2027-01-20"),
    "foreign_world15": dict(hit1=0.90, work=0.85, phone=0.93, precision=0.90, false_leads=0.03, ece=0.06, violations=0.95, kept=0.98,
                            unreadable=2, as_of="2027-02-18"),
    "foreign_world16": dict(hit1=0.86, work=0.85, phone=0.90, precision=0.90, false_leads=0.03, ece=0.06, violations=0.95, kept=0.98,
                            unreadable=2, as_of="2027-03-10"),
    "foreign_world17": dict(hit1=0.85, work=0.78, phone=0.92, precision=0.90, false_leads=0.03, ece=0.07, violations=0.95, kept=0.98,
                            unreadable=1, as_of="2027-04-20"),
    "foreign_world18": dict(hit1=0.89, work=0.74, phone=0.88, precision=0.92, false_leads=0.03, ece=0.06, violations=0.95, kept=0.98,
                            unreadable=1, as_of="2027-05-25"),
}


@pytest.fixture(scope="module", params=sorted(GENERATORS))
def foreign(request, tmp_path_factory):
    tmp = tmp_path_factory.mktemp(request.param)
    world = tmp / "world"
    subprocess.run([sys.executable, str(BENCHMARKS / request.param / "gen.py"), "--out", str(world),
                    "--debtors", "300", "--seed", "5"], check=True, capture_output=True)
    db = tmp / "out" / "locate.duckdb"
    summary = run_direct(str(world / "inbox"), str(db), str(tmp / "out" / "reports"),
                         GENERATORS[request.param].get("as_of", AS_OF))
    return summary, db, world, GENERATORS[request.param]


def test_every_foreign_file_is_read_and_every_row_accounted(foreign):
    summary, db, world, floor = foreign
    con = duckdb.connect(str(db), read_only=True)
    try:
        files = con.sql("SELECT file, sha256, error, rows_read, rows_kept, rows_quarantined FROM ingested_files").pl()
        refused = set(con.sql("SELECT file FROM quarantine WHERE line = 0 "
                              "AND file NOT IN (SELECT file FROM ingested_files)").pl()["file"])
    finally:
        con.close()
    # Every file's content is in the ledger: a byte-identical re-sent copy (or an empty
    # file) once, under one of its names.
    # A file refused by its name alone (a '.txt' note) is reported in the quarantine instead.
    inbox = world / "inbox"
    on_disk = {hashlib.sha256(p.read_bytes()).hexdigest() for p in inbox.rglob("*")
               if p.is_file() and p.relative_to(inbox).as_posix() not in refused}
    assert on_disk <= set(files["sha256"])
    # Only a file its generator broke on purpose (a parquet cut short) is unreadable.
    assert files["error"].is_not_null().sum() + len(refused) == floor.get("unreadable", 0), (
        files.filter(pl.col("error").is_not_null()), refused)
    assert (files["rows_read"] == files["rows_kept"] + files["rows_quarantined"]).all()
    assert summary["rows_quarantined"] > 0          # its dirt is found ...
    assert summary["rows_kept"] > floor.get("kept", 0.99) * summary["rows_read"]     # ... and only its dirt


def test_foreign_figures_stay_near_what_is_reported(foreign):
    _, db, world, floor = foreign
    r = evaluate(db, world / "truth")
    assert r["residence_hit@1"] >= floor["hit1"], r
    assert r["workplace_hit@1"] >= floor["work"], r
    assert r["phone_hit@1"] >= floor["phone"], r
    assert r["precision@conf>=0.8"] >= floor["precision"] and r["n_conf>=0.8"] > 50, r
    assert r["false_lead_rate"] <= floor["false_leads"], r
    assert r["ece_residence"] <= floor["ece"], r
    assert r["violation_precision"] >= floor["violations"], r
