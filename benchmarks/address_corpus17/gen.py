# -*- coding: utf-8 -*-
"""Generator for a pairs CSV (argv[1], default pairs.csv beside this file): invented canonical addresses in
扬州, 济宁, 郴州, 咸阳, 宜宾 and ~10 raw spellings of the same door each.
Everything is invented.  Reproducible: fixed seed, no external input."""
import csv
import os
import sys
import random

SEED = 20261717
R = random.Random(SEED)
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "pairs.csv")
N_PER_CITY = 120
RAW_PER_ADDR = 10

# ---------------------------------------------------------------- helpers
CN = "零一二三四五六七八九"
FW = str.maketrans("0123456789-#", "０１２３４５６７８９－＃")


def cn_num(n):
    """integer -> Chinese reading (十二, 二十三, 一百零五)"""
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n % 10] if n % 10 else "")
    if n < 100:
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    h, rest = divmod(n, 100)
    if rest == 0:
        return CN[h] + "百"
    if rest < 10:
        return CN[h] + "百零" + CN[rest]
    return CN[h] + "百" + (cn_num(rest) if rest >= 20 else "一" + cn_num(rest))


def cn_digits(n, zero="零"):
    return "".join((zero if c == "0" else CN[int(c)]) for c in str(n))


def fw(s):
    return s.translate(FW)


def pick(seq):
    return R.choice(seq)


def wpick(d):
    keys = list(d)
    return R.choices(keys, weights=[d[k] for k in keys])[0]


SURNAMES = "王李张刘陈杨黄赵周吴徐孙朱马胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文"
GIVEN = "建国华明丽芳军伟强磊敏静秀英志勇杰涛超霞燕红平刚辉鹏飞婷雪梅兰娟玲慧桂春海波宁浩宇凯晨欣怡佳琪子涵俊豪文博思雨晓东玉凤金山林峰斌翠云"


def person():
    s = pick(SURNAMES)
    g = "".join(R.sample(GIVEN, R.choice([1, 2, 2])))
    return s, g


def masked_phone():
    head = pick(["13", "15", "18", "17", "19", "16"]) + str(R.randint(0, 9))
    tail = "%04d" % R.randint(0, 9999)
    return head, tail


# ---------------------------------------------------------------- name pools
C1 = "翠锦金银绿碧瑞祥福泰康宏华嘉御君丽美明清雅和平安新春秋兰桂梅竹松荷柳桃芳润盛恒鑫博怡紫蓝天龙凤鹏星月阳光晨曦香山水江湖滨鸿锦泽德仁"
C2 = "岗园苑城庭湾景府苑居邸轩阁坊岸汀洲苑都港林峰庄苑台湾溪湖苑源泉"
ROAD_A = "文武兴振建新民安康华泰宏通盛昌兴德仁和平顺永长东西南北中育才学府迎宾人民解放胜利团结友谊光明"
ROAD_SUFFIX = ["路", "路", "路", "大道", "街", "东路", "西路", "南路", "北路", "中路"]

CITY = {
    "扬州": dict(
        prov="江苏省", provs="江苏", city="扬州市", cityS="扬州",
        dists={"广陵区": 3, "邗江区": 4, "江都区": 2, "仪征市": 1.5, "高邮市": 1.5},
        local_c1="琼绿杨运邗维梅文扬淮",
        estate_suffix={"花园": 4, "新村": 4, "苑": 3, "小区": 2, "家园": 2, "华庭": 1, "名邸": 1, "水岸": 1},
        bword="幢", bword_alt=["栋", "号楼", "号"],
        town_suffix="镇", natural="庄", group="组",
    ),
    "济宁": dict(
        prov="山东省", provs="山东", city="济宁市", cityS="济宁",
        dists={"任城区": 5, "兖州区": 2, "曲阜市": 2, "邹城市": 2},
        local_c1="运泉孔孟鲁圣儒济任兖邹",
        estate_suffix={"小区": 5, "花园": 3, "家园": 2, "宿舍": 2, "嘉园": 1, "公馆": 1, "新城": 1},
        bword="号楼", bword_alt=["栋", "号", "幢"],
        town_suffix="镇", natural=None, group=None,
    ),
    "郴州": dict(
        prov="湖南省", provs="湖南", city="郴州市", cityS="郴州",
        dists={"北湖区": 4, "苏仙区": 4, "资兴市": 2, "桂阳县": 2},
        local_c1="郴苏仙林湘橘燕南东莽",
        estate_suffix={"小区": 4, "花园": 3, "御景": 1, "华府": 1, "名城": 1, "家园": 2, "公寓": 1, "雅苑": 1},
        bword="栋", bword_alt=["幢", "号楼", "#"],
        town_suffix="镇", natural="屋场", group="组",
    ),
    "咸阳": dict(
        prov="陕西省", provs="陕西", city="咸阳市", cityS="咸阳",
        dists={"秦都区": 5, "渭城区": 4, "兴平市": 2, "三原县": 2},
        local_c1="秦渭汉咸沣泾原兴塬茂",
        estate_suffix={"小区": 5, "家属院": 3, "花园": 2, "城": 1, "生活区": 1, "苑": 1, "名居": 1},
        bword="号楼", bword_alt=["栋", "幢", "号"],
        town_suffix="镇", natural="堡子", group="组",
    ),
    "宜宾": dict(
        prov="四川省", provs="四川", city="宜宾市", cityS="宜宾",
        dists={"翠屏区": 6, "叙州区": 3, "南溪区": 3},
        local_c1="翠屏江岷金酒叙僰戎真",
        estate_suffix={"小区": 4, "花园": 3, "名都": 1, "苑": 2, "大院": 1, "江景": 1, "华庭": 1, "半岛": 1},
        bword="栋", bword_alt=["幢", "号楼", "#"],
        town_suffix="镇", natural="湾", group="组",
    ),
}

# development zones: (forms as locals write them) -> the district they lie in
ZONES = {
    "邗江区": [["扬州经济技术开发区", "扬州经济开发区", "扬州开发区", "开发区"]],
    "广陵区": [["扬州生态科技新城", "生态科技新城", "生态城"]],
    "任城区": [["济宁高新区", "高新区", "济宁高新技术产业开发区"], ["太白湖新区", "太白湖"]],
    "苏仙区": [["郴州经开区", "郴州经济开发区", "郴州高新区", "经开区"]],
    "秦都区": [["咸阳高新区", "高新区", "咸阳高新技术产业开发区"], ["西咸新区沣西新城", "沣西新城"]],
    "渭城区": [["西咸新区秦汉新城", "秦汉新城"], ["西咸新区空港新城", "空港新城"]],
    "翠屏区": [["宜宾临港经开区", "临港经开区", "临港开发区", "宜宾临港经济技术开发区"], ["宜宾三江新区", "三江新区"]],
}
# old names: canonical district -> (old name, scope) ; scope "all" or "part"
OLDNAMES = {
    "江都区": ("江都市", "all"),
    "邗江区": ("维扬区", "part"),
    "兖州区": ("兖州市", "all"),
    "任城区": ("市中区", "part"),
    "叙州区": ("宜宾县", "all"),
    "南溪区": ("南溪县", "all"),
}
# one-character slips a local would still recognise (pinyin IME homophones)
TYPO_PLACE = {
    "邗江": ["韩江", "汉江"], "仪征": ["仪正"], "高邮": ["高油"], "江都": ["江督"], "广陵": ["广林"],
    "兖州": ["衮州", "充州"], "曲阜": ["曲埠"], "邹城": ["邹成"], "任城": ["仁城"],
    "郴州": ["彬州", "琛州"], "苏仙": ["苏先"], "资兴": ["资星"], "北湖": ["北胡"],
    "咸阳": ["咸杨"], "渭城": ["卫城"], "秦都": ["秦督"], "兴平": ["新平"], "三原": ["三元"],
    "宜宾": ["宜滨"], "翠屏": ["翠平"], "叙州": ["序州"], "南溪": ["南西"],
}
TYPO_CHAR = {"园": "圆", "苑": "院", "庭": "亭", "城": "成", "华": "化", "景": "静", "府": "符",
             "湾": "弯", "幢": "撞", "栋": "冻", "单": "但", "嘉": "佳", "锦": "景", "翠": "萃",
             "村": "存", "镇": "震", "街": "接", "巷": "象", "路": "陆", "区": "去", "鑫": "新",
             "泰": "太", "宏": "鸿", "祥": "翔", "桂": "贵", "梅": "眉"}

used_names = set()


def uniq(fn):
    for _ in range(200):
        s = fn()
        if s not in used_names:
            used_names.add(s)
            return s
    raise RuntimeError("name pool exhausted")


def two(c):
    a = pick(c["local_c1"] + C1 if R.random() < 0.4 else C1)
    b = pick(C1 + C2)
    return a + b if a != b else a + pick(C2)


def road_name(c):
    def f():
        a = pick(c["local_c1"] + C1 + ROAD_A)
        b = pick(ROAD_A + C1)
        return a + b + pick(ROAD_SUFFIX) if a != b else None
    return uniq(lambda: f() or "")


def estate_name(c):
    return uniq(lambda: two(c) + wpick(c["estate_suffix"]))


def town_name(c, suffix="镇"):
    return uniq(lambda: pick(C1 + "石桥塘坪河岭湾铺集店港") + pick("桥塘坪河岭湾铺集店港口头埠渡山") + suffix)


def subdistrict(c):
    return uniq(lambda: pick(C1 + ROAD_A) + pick("桥门湖山塘关城河坊") + "街道")


def village_name(c, city):
    if city == "济宁":
        return uniq(lambda: pick(["", "东", "西", "前", "后", "大", "小"]) + pick(SURNAMES) +
                    pick(["庄", "营", "集", "屯", "楼", "官庄", "家庄", "店"]) + "村")
    if city == "咸阳":
        return uniq(lambda: pick(SURNAMES) + pick(["家", "", "寨", "坊", "北", "东", "南"]) +
                    pick(["村", "寨村", "堡村", "坡村", "庄村"]))
    if city == "郴州":
        return uniq(lambda: pick(C1 + "瓦石枫竹田岭塘") + pick("灶塘冲坪岭源溪坳田湾") + "村")
    if city == "宜宾":
        return uniq(lambda: pick(C1 + "石龙高桥凉") + pick("桥坝湾坪山坡沟水") + "村")
    return uniq(lambda: pick(C1 + "沿湖联合永红") + pick("湖桥港河庄集沟荡墩圩") + "村")


def natural_village(c, city):
    s = pick(SURNAMES)
    if city == "扬州":
        return s + pick(["庄", "家庄", "庄子"]) if R.random() < .7 else pick(["前", "后", "东", "西", "小"]) + s + "庄"
    if city == "郴州":
        return s + "家屋场" if R.random() < .7 else pick(["上", "下", "老", "新"]) + "屋场"
    if city == "咸阳":
        return s + "家堡子" if R.random() < .6 else pick(["东", "西", "南", "北"]) + "堡子"
    if city == "宜宾":
        return s + "家湾" if R.random() < .6 else s + "家" + pick(["坝", "沟", "坡"])
    return None


# ---------------------------------------------------------------- canonicals
def make_addresses():
    addrs = []
    for city, c in CITY.items():
        kinds = ["flat"] * 66 + ["village"] * 30 + ["street"] * 12 + ["work"] * 12
        R.shuffle(kinds)
        for kind in kinds:
            dist = wpick(c["dists"])
            if kind == "village":  # villages lie mostly in the outer districts
                d2 = {k: v for k, v in c["dists"].items()}
                for core in ("广陵区", "任城区", "北湖区", "秦都区", "翠屏区"):
                    if core in d2:
                        d2[core] *= 0.4
                dist = wpick(d2)
            a = dict(city=city, kind=kind, dist=dist, distS=dist[:-1], c=c)
            a["zone"] = None
            if dist in ZONES and kind in ("flat", "work", "village") and R.random() < 0.35:
                a["zone"] = pick(ZONES[dist])
            old = OLDNAMES.get(dist)
            a["old"] = None
            if old and (old[1] == "all" or (kind in ("flat", "street", "work") and R.random() < 0.4)):
                a["old"] = old[0]
            a["subd"] = subdistrict(c)
            globals()["fill_" + kind](a)
            addrs.append(a)
    return addrs


def prefix_canon(a):
    c = a["c"]
    return c["prov"] + c["city"] + a["dist"]


def fill_flat(a):
    c = a["c"]
    a["road"] = road_name(c)
    a["num"] = R.randint(1, 388)
    a["estate"] = estate_name(c)
    a["phase"] = R.choice([0] * 7 + [2, 2, 3, 1, 4])
    a["bword"] = c["bword"]
    a["bldg"] = R.randint(1, 36)
    units = R.random() > (0.35 if a["estate"].endswith(("宿舍", "家属院", "新村", "大院")) else 0.1)
    a["unit"] = R.randint(1, 6) if units else 0
    a["floor"] = R.randint(1, 18 if a["bldg"] < 20 else 33)
    if a["estate"].endswith(("宿舍", "家属院", "新村", "大院")):
        a["floor"] = R.randint(1, 7)
    a["door"] = R.randint(1, 4 if units else 8)
    a["room"] = a["floor"] * 100 + a["door"]
    a["road_in_canon"] = R.random() < 0.85
    ph = (cn_num(a["phase"]) + "期") if a["phase"] else ""
    unit = ("%d单元" % a["unit"]) if a["unit"] else ""
    body = ("%s%d号" % (a["road"], a["num"]) if a["road_in_canon"] else "")
    a["canonical"] = prefix_canon(a) + body + a["estate"] + ph + "%d%s%s%d室" % (a["bldg"], a["bword"], unit, a["room"])


def fill_village(a):
    c, city = a["c"], a["city"]
    if city == "咸阳" and R.random() < 0.3:
        a["town"] = town_name(c, "街道")
    else:
        a["town"] = town_name(c, "镇")
    a["was_xiang"] = a["town"].endswith("镇") and R.random() < (0.5 if city in ("郴州", "宜宾") else 0.25)
    a["village"] = village_name(c, city)
    a["hno"] = R.randint(1, 120 if city != "济宁" else 260)
    if city == "济宁":
        a["group"] = 0
        a["vstreet"] = pick(["前街", "后街", "中心街", "东街", "西街", "南北街"]) if R.random() < 0.4 else ""
        a["community"] = a["village"][:-1] + "社区" if R.random() < 0.3 else None
        a["natural"] = None
        a["canonical"] = prefix_canon(a) + a["town"] + a["village"] + a["vstreet"] + "%d号" % a["hno"]
    else:
        a["group"] = R.randint(1, 14)
        a["natural"] = natural_village(c, city) if R.random() < 0.6 else None
        a["vstreet"] = ""
        a["community"] = None
        a["canonical"] = prefix_canon(a) + a["town"] + a["village"] + "%d组%d号" % (a["group"], a["hno"])


def lane2(p1, p2, suf):
    a = pick(p1)
    b = pick(p2)
    return (a + b + suf) if a != b else (a + "家" + suf)


def fill_street(a):
    c, city = a["c"], a["city"]
    main = uniq(lambda: pick(C1 + ROAD_A) + pick("井门桥楼市府坊") + pick(["街", "大街", "正街", "东街", "西街"]))
    a["main"] = main
    if city == "扬州":
        a["lane"] = uniq(lambda: lane2(C1 + "彩衣仓剪参罗丁", "衣井楼桥花湾", "巷"))
    elif city == "济宁":
        a["lane"] = uniq(lambda: lane2(C1 + "竹马鼓钟", "竿市楼井门", pick(["胡同", "巷"])))
    elif city == "咸阳":
        a["lane"] = uniq(lambda: lane2(C1 + "东西南北", "门渠井坊", "巷"))
    elif city == "郴州":
        a["lane"] = uniq(lambda: lane2(C1 + "裕燕", "后泉井塘坪", "巷")) if R.random() < 0.6 else ""
    else:
        a["lane"] = uniq(lambda: lane2(C1 + "走马水", "井门坝坎", "巷")) if R.random() < 0.5 else ""
    if a["city"] == "扬州" and a["dist"] != "广陵区" and R.random() < 0.5:
        a["dist"], a["distS"] = "广陵区", "广陵"
        a["old"] = None
        a["zone"] = None
    a["hno"] = R.randint(1, 98)
    a["fu"] = R.randint(1, 6) if a["city"] == "宜宾" and R.random() < 0.5 else 0
    tail = "%d号" % a["hno"] + ("附%d号" % a["fu"] if a["fu"] else "")
    a["canonical"] = prefix_canon(a) + a["main"] + a["lane"] + tail


BIZ = ["服饰", "五金", "烟酒", "超市", "母婴", "手机", "茶叶", "建材", "灯饰", "鞋业", "日杂", "干洗", "眼镜", "药房"]


def fill_work(a):
    c = a["c"]
    a["road"] = road_name(c)
    a["num"] = R.randint(1, 500)
    sub = R.choice(["mall", "market", "office", "factory", "shopfront"])
    a["sub"] = sub
    s, g = person()
    a["owner"] = s
    if sub == "mall":
        a["place"] = uniq(lambda: two(c) + pick(["广场", "商厦", "购物中心", "商业街"]))
        a["floor"] = R.randint(1, 5)
        a["zonecode"] = pick("ABCDE")
        a["stall"] = R.randint(1, 60)
        a["shop"] = pick(SURNAMES) + pick(["记", "姐", "氏", "家"]) + pick(BIZ)
        a["detail"] = "%d楼%s%d号商铺" % (a["floor"], a["zonecode"], a["stall"])
    elif sub == "market":
        a["place"] = uniq(lambda: two(c) + pick(["农贸市场", "批发市场", "小商品市场", "建材市场", "菜市场"]))
        a["zonecode"] = pick("ABCDEF")
        a["stall"] = R.randint(1, 120)
        a["shop"] = a["owner"] + pick(["记", "姐", "哥"]) + pick(["蔬菜", "水产", "粮油", "干货", "猪肉", "调料"])
        a["detail"] = "%s区%d号摊位" % (a["zonecode"], a["stall"])
    elif sub == "office":
        a["place"] = uniq(lambda: two(c) + pick(["大厦", "国际", "写字楼", "商务中心", "金融中心"]))
        a["floor"] = R.randint(2, 28)
        a["rno"] = a["floor"] * 100 + R.randint(1, 20)
        a["shop"] = uniq(lambda: two(c) + pick(["科技", "贸易", "文化传媒", "信息咨询", "装饰工程"]) + "有限公司")
        a["detail"] = "%d层%d室" % (a["floor"], a["rno"])
    elif sub == "factory":
        a["place"] = uniq(lambda: two(c) + "工业园")
        a["shop"] = uniq(lambda: two(c) + pick(["机械", "纺织", "食品", "包装", "电子", "塑业", "建材"]) + "有限公司")
        a["detail"] = a["shop"]
    else:
        a["place"] = ""
        a["shop"] = pick(SURNAMES) + pick(["记", "家", "氏", "老"]) + pick(BIZ) + pick(["店", "行", "部"])
        a["detail"] = a["shop"]
    if sub == "factory":
        a["canonical"] = prefix_canon(a) + a["place"] + a["road"] + "%d号" % a["num"] + a["detail"]
    else:
        a["canonical"] = prefix_canon(a) + a["road"] + "%d号" % a["num"] + a["place"] + a["detail"]


# ---------------------------------------------------------------- raw spelling
# per-city habit weights: make each city distinct
HAB = {
    "扬州": dict(unitfmt={"zhuang": 5, "dash": 4, "dong": 2, "hash": 1, "cn": 1, "floor0": 1, "fang": 1, "haolou": 1},
                 group={"组": 6, "cn组": 3, "natural": 3, "队": 1, "村民小组": 1}),
    "济宁": dict(unitfmt={"haolou": 5, "dash": 4, "men": 3, "hu": 2, "cn": 1, "hash": 1, "zhuang": 1, "floor0": 1},
                 group={}),
    "郴州": dict(unitfmt={"dong": 5, "dash": 4, "floor0": 2, "cn": 1, "hash": 2, "fang": 2, "zhuang": 1},
                 group={"组": 6, "cn组": 3, "natural": 3, "村民小组": 1}),
    "咸阳": dict(unitfmt={"haolou": 5, "dash": 3, "ceng": 3, "hu": 2, "men": 1, "cn": 1, "hash": 1, "dong": 1},
                 group={"组": 6, "cn组": 2, "natural": 2, "队": 3, "cn队": 1}),
    "宜宾": dict(unitfmt={"dong": 5, "dash": 3, "louhao": 4, "hash": 1, "cn": 1, "fang": 1, "floor0": 1},
                 group={"组": 4, "社": 5, "cn社": 2, "natural": 3, "cn组": 1}),
}

NOTES = ["（放门卫）", "，周末送", "到了打电话", "(放门卫室)", "，放快递柜也行", "，工作日送",
         "  送货前请电话联系", "（门口有狗）", "，家里有人", "。下午送", "，放门口即可", "【电梯坏了请送楼下】",
         "，放菜鸟驿站", " 请勿放驿站", "，不要打电话 发短信", "（晚上七点后）"]
VILLAGE_NOTES = ["，到村口打电话", "（村部旁边）", "，放小卖部", "到了打电话", "（路口二层楼）", "，送货上门",
                 "，打电话出来拿", "（大门朝南）"]
WORK_NOTES = ["（工作日送）", "，周末不在", "，交给门卫", "到了打电话", "，放前台", "(营业时间9-18点)", "，找老板"]


def name_phone(a):
    s, g = person()
    h, t = masked_phone()
    forms = [s + g + " " + h + "****" + t, s + pick(["先生", "女士"]), s + "**",
             "收件人：" + s + g, s + g + "，尾号" + t, "(" + s + pick(["先生", "女士", "老师", "师傅"]) + h + "****" + t + ")",
             h + "****" + t]
    return pick(forms)


def group_str(a, style):
    g = a["group"]
    if style == "natural" and a["natural"]:
        return a["natural"]
    if style == "cn组":
        return cn_num(g) + "组"
    if style == "队":
        return "%d队" % g
    if style == "cn队":
        return cn_num(g) + "队"
    if style == "社":
        return "%d社" % g
    if style == "cn社":
        return cn_num(g) + "社"
    if style == "村民小组":
        return "第%s村民小组" % pick([str(g), cn_num(g)])
    return "%d组" % g


def prefix_raw(a, st):
    """st: chosen prefix style -> string"""
    c = a["c"]
    P, Ps, C, Cs, D, Ds = c["prov"], c["provs"], c["city"], c["cityS"], a["dist"], a["distS"]
    county_city = D.endswith("市")
    if st == "full":
        return P + C + D
    if st == "picker":      # 4-level address picker of a shop app, with spaces
        return " ".join([P, C, D, a["subd"]]) + " " if a["kind"] in ("flat", "work", "street") else " ".join([P, C, D]) + " "
    if st == "spaced":
        return pick([" ", "  ", "-", "/", ","]).join([P, C, D]) + pick([" ", "", " "])
    if st == "noprov":
        return C + D
    if st == "short":
        return pick([Ps + Cs + Ds, Cs + Ds, Cs + " " + Ds + " ", Ps + " " + Cs + " " + Ds + " "])
    if st == "city":
        return pick([C, Cs, Ps + C, P + C])
    if st == "dist":
        return pick([D, Ds]) if county_city else pick([D, D, Ds])
    if st == "dup":        # platform picker + buyer typed the prefix again
        return pick([P + C + D + C + D, C + D + " " + D, P + C + D + " " + Ps + Cs + Ds, C + D + C + D])
    if st == "old" and a["old"]:
        o = a["old"]
        if o.endswith("市"):       # former county-level city: written under the province
            return pick([P + o, o, C + o, Ps + o])
        return pick([P + C + o, C + o, o, Cs + o[:-1]])
    if st == "zone" and a["zone"]:
        z = pick(a["zone"])
        if z.startswith(Cs):
            return pick([z, P + z, C + z[len(Cs):], z + " "])
        return pick([C + z, Cs + z, P + C + z, C + D + z, C + z + " "])
    if st == "none":
        return ""
    return P + C + D


def prefix_style(a):
    d = {"full": 8, "picker": 5, "spaced": 2, "noprov": 9, "short": 5, "city": 4, "dist": 4, "dup": 1.2, "none": 1.2}
    if a["old"]:
        d["old"] = 5
    if a["zone"]:
        d["zone"] = 6
    if a["dist"].endswith("市"):       # 仪征/高邮/曲阜/邹城/资兴/兴平: people write the county-level city alone
        d["dist"] = 8
    if a["kind"] == "village":
        d["none"] = 0.2
        d["city"] = 1   # need the district in the country
    return wpick(d)


def bnum(a, b):
    return a["bldg"] if b is None else b


def unit_block(a, fmt, cnum=False):
    """building/unit/room of a flat; returns (text, complete)"""
    b, u, r, f, d = a["bldg"], a["unit"], a["room"], a["floor"], a["door"]
    bw = a["bword"]
    if not u:     # estates with no units
        opts = {
            "dash": "%d-%d" % (b, r), "zhuang": "%d幢%d室" % (b, r), "dong": "%d栋%d" % (b, r),
            "haolou": "%d号楼%d" % (b, r), "hash": "%d#%d" % (b, r), "cn": "%s%s%s" % (cn_num(b), pick(["栋", "幢", "号楼"]), cn_digits(r)),
            "floor0": "%d%s%d楼%02d" % (b, bw, f, d), "fang": "%d%s%d房" % (b, bw, r), "hu": "%d号楼%d户" % (b, r),
            "men": "%d号楼%d" % (b, r), "ceng": "%d号楼%d层%d号" % (b, f, d), "louhao": "%d栋%d楼%d号" % (b, f, d),
        }
        return opts.get(fmt, "%d%s%d室" % (b, bw, r)), True
    opts = {
        "zhuang": "%d幢%d单元%d%s" % (b, u, r, pick(["室", "室", ""])),
        "dash": pick(["%d-%d-%d", "%d-%d-%d", "%d—%d—%d", "%d－%d－%d"]) % (b, u, r),
        "dong": "%d栋%d单元%d%s" % (b, u, r, pick(["", "室", "号"])),
        "haolou": "%d号楼%d单元%d%s" % (b, u, r, pick(["", "室", "号"])),
        "men": "%d号楼%d门%d" % (b, u, r),
        "hash": pick(["%d#%d-%d", "%d#楼%d单元%d", "%d# %d-%d"]) % (b, u, r),
        "cn": "%s%s%s单元%s" % (cn_num(b), pick(["栋", "幢", "号楼"]), cn_num(u), cn_digits(r, pick(["零", "〇"]))),
        "floor0": "%d%s%d单元%d楼%02d" % (b, pick([bw, "栋", "幢"]), u, f, d),
        "fang": "%d%s%d单元%d房" % (b, bw, u, r),
        "hu": "%d号楼%d单元%d户" % (b, u, r),
        "ceng": "%d号楼%d单元%d层%d号" % (b, u, f, d),
        "louhao": "%d栋%d单元%d楼%d号" % (b, u, f, d),
    }
    return opts[fmt], True


def phase_str(a):
    p = a["phase"]
    if not p:
        return ""
    return pick([cn_num(p) + "期", "（%s期）" % cn_num(p), "%d期" % p, "(%d期)" % p, cn_num(p) + "期"])


def estate_str(a):
    e = a["estate"]
    r = R.random()
    if r < 0.12 and e.endswith(("花园", "小区")) and len(e) > 3:
        return e[:-2]                       # 翠岗花园 -> 翠岗
    if r < 0.18 and not e.endswith("小区"):
        return e + "小区"                   # 翠岗花园小区
    return e


def body_flat(a, fmt):
    h = HAB[a["city"]]
    if fmt is None:
        fmt = wpick(h["unitfmt"])
    ub, _ = unit_block(a, fmt)
    complete = True
    r = R.random()
    if r < 0.07:  # room left out -> still names the building (incomplete)
        complete = False
        ub = "%d%s" % (a["bldg"], pick([a["bword"], "栋", "幢", "号楼"])) + ("%d单元" % a["unit"] if a["unit"] and R.random() < .7 else "")
    est = estate_str(a) + phase_str(a)
    road = "%s%d号" % (a["road"], a["num"])
    sep = pick(["", "", "", " ", " ", ","])
    rs = wpick({"road_est": 5, "est": 4, "est_road": 1.5, "roadname_est": 1.5, "est_paren": 1})
    if rs == "road_est":
        core = road + sep + est + sep + ub
    elif rs == "est":
        core = est + sep + ub
    elif rs == "est_road":
        core = est + sep + road + sep + ub
    elif rs == "roadname_est":
        core = a["road"] + sep + est + sep + ub
    else:
        core = est + pick(["（%s）", "(%s)"]) % road + sep + ub
    return core, complete


def body_village(a):
    h = HAB[a["city"]]
    complete = True
    town = a["town"]
    ts = R.random()
    if ts < 0.25 and town.endswith("镇"):
        town = town[:-1]                     # 镇 dropped
    elif ts < 0.38 and a.get("was_xiang"):
        town = town[:-1] + "乡"              # old 乡 name before 撤乡建镇
    elif ts < 0.48:
        town = ""                            # town left out
    vil = a["village"]
    vs = R.random()
    if vs < 0.2:
        vil = vil + "委会" if R.random() < .6 else vil + "村委会"
    elif vs < 0.3 and a["community"]:
        vil = pick([a["community"], vil + "（" + a["community"] + "）"])
    elif vs < 0.38 and a["city"] != "济宁" and len(vil) >= 3:
        vil = vil[:-1]                       # 瓦灶村 -> 瓦灶
    num = a["hno"]
    nform = pick(["%d号" % num, "%d号" % num, "%d" % num, cn_num(num) + "号"]) if num < 100 else pick(["%d号" % num, "%d" % num])
    if R.random() < 0.08:
        complete = False
        nform = ""
    if a["city"] == "济宁":
        vstreet = a["vstreet"]
        core = town + vil + vstreet + nform
        if not vstreet and R.random() < 0.2 and nform:
            core = town + vil + pick(["", " "]) + nform
    else:
        gs = wpick(h["group"])
        g = group_str(a, gs)
        if gs != "natural" and a["natural"] and R.random() < 0.25:
            g = g + pick(["（%s）", "%s"]) % a["natural"]     # group plus natural village
        sep = pick(["", "", " "])
        core = town + sep + vil + g + nform
    return core, complete


def body_street(a):
    complete = True
    main, lane, n, fu = a["main"], a["lane"], a["hno"], a["fu"]
    r = R.random()
    if lane and r < 0.45:
        loc = lane                           # lane alone is enough locally
    elif lane and r < 0.55:
        loc = main + " " + lane
    else:
        loc = main + lane
    if fu:
        num = pick(["%d号附%d号" % (n, fu), "%d附%d号" % (n, fu), "%d号附%d" % (n, fu), "%d-附%d" % (n, fu)])
    else:
        num = pick(["%d号" % n, "%d号" % n, "%d" % n, cn_num(n) + "号", "%d号院" % n if a["city"] in ("济宁", "咸阳") else "%d号" % n])
    if R.random() < 0.06:
        complete = False
        num = ""
    return loc + num, complete


def body_work(a):
    complete = True
    sub = a["sub"]
    road = "%s%d号" % (a["road"], a["num"])
    rs = R.random()
    if sub == "mall":
        det = pick(["%d楼%s%d号商铺" % (a["floor"], a["zonecode"], a["stall"]),
                    "%dF-%s%d" % (a["floor"], a["zonecode"], a["stall"]),
                    "%s楼%s%d" % (cn_num(a["floor"]), a["zonecode"], a["stall"]),
                    "%d层%s%03d铺" % (a["floor"], a["zonecode"], a["stall"]),
                    "%d楼%s区%d号" % (a["floor"], a["zonecode"], a["stall"])])
        shop = pick(["", "", " " + a["shop"], "（%s）" % a["shop"]])
        core = (road if rs < 0.4 else "") + a["place"] + det + shop
    elif sub == "market":
        det = pick(["%s区%d号摊位" % (a["zonecode"], a["stall"]), "%s%d" % (a["zonecode"], a["stall"]),
                    "%s区%d号" % (a["zonecode"], a["stall"]), "%s-%d号摊" % (a["zonecode"], a["stall"]),
                    "%s区%d号档口" % (a["zonecode"], a["stall"])])
        pl = a["place"]
        if R.random() < 0.2 and pl.endswith("农贸市场"):
            pl = pl[:-4] + "菜市场"
        shop = pick(["", "", " " + a["shop"], "（%s）" % a["shop"], " 摊主" + a["owner"] + pick(["姐", "哥", "老板"])])
        core = (road if rs < 0.35 else "") + pl + det + shop
    elif sub == "office":
        det = pick(["%d层%d室" % (a["floor"], a["rno"]), "%d楼%d" % (a["floor"], a["rno"]), "%d室" % a["rno"],
                    "%dF %d" % (a["floor"], a["rno"]), "%d" % a["rno"]])
        shop = pick(["", " " + a["shop"], a["shop"], "（%s）" % a["shop"][:-4]])
        core = (road if rs < 0.45 else "") + a["place"] + det + shop
        if R.random() < 0.06:
            complete = False
            core = (road if rs < 0.45 else "") + a["place"] + a["shop"]
    elif sub == "factory":
        co = a["shop"]
        co_s = pick([co, co, co[:-4], co[:-6] + "厂" if len(co) > 6 else co])
        f = R.random()
        if f < 0.35:
            core = a["place"] + road + co_s
        elif f < 0.6:
            core = road + co_s
        elif f < 0.8:
            core = a["place"] + co_s
        else:
            core = co_s + pick(["（%s）", "(%s)", " %s"]) % road
        core += pick(["", "", "", " 门卫室", "办公楼", " 仓库收"])
    else:
        shop = a["shop"]
        f = R.random()
        if f < 0.5:
            core = road + pick(["", " ", "（", "("]) + shop
            core += "）" if core.endswith("（" + shop) else (")" if core.endswith("(" + shop) else "")
        elif f < 0.8:
            core = road + pick(["门面", "门市", " 临街门面", ""]) + pick([" " + shop, "（" + shop + "）"])
        else:
            core = shop + " " + road
    return core, complete


def apply_typo(s, a):
    keys = [k for k in TYPO_PLACE if k in s]
    if keys and R.random() < 0.6:
        k = pick(keys)
        i = s.find(k)
        return s[:i] + pick(TYPO_PLACE[k]) + s[i + len(k):]
    idx = [i for i, ch in enumerate(s) if ch in TYPO_CHAR]
    if not idx:
        return s
    i = pick(idx)
    return s[:i] + TYPO_CHAR[s[i]] + s[i + 1:]


def make_raw(a, fmt_hint=None):
    pst = prefix_style(a)
    pre = prefix_raw(a, pst)
    kind = a["kind"]
    if kind == "flat":
        core, complete = body_flat(a, fmt_hint)
    elif kind == "village":
        core, complete = body_village(a)
    elif kind == "street":
        core, complete = body_street(a)
    else:
        core, complete = body_work(a)
    # district-level picker may be followed by the 街道 for flats in the city
    raw = pre + core
    # decorations
    r = R.random()
    if r < 0.14:
        notes = VILLAGE_NOTES if kind == "village" else WORK_NOTES if kind == "work" else NOTES
        if kind == "work" and a["sub"] != "office":
            notes = [n for n in WORK_NOTES if "前台" not in n]
        raw = raw + pick(notes)
    elif r < 0.26:
        np_ = name_phone(a)
        raw = (np_ + pick([" ", "，", ","]) + raw) if R.random() < 0.4 else (raw + pick([" ", "，", " ", ";"]) + np_)
    if R.random() < 0.07:      # full-width digits, typed on a phone IME
        raw = fw(raw)
    if R.random() < 0.05:
        raw = pick(["  ", " ", ""]) + raw + pick([" ", "  ", "。"])
    typo = False
    if R.random() < 0.035:
        t = apply_typo(raw, a)
        if t != raw:
            raw, typo = t, True
    return raw, complete, typo


def main():
    addrs = make_addresses()
    rows = []
    stats = dict(complete=0, typo=0)
    for a in addrs:
        seen = {a["canonical"]}
        got = 0
        tries = 0
        fmts = list(HAB[a["city"]]["unitfmt"])
        R.shuffle(fmts)
        while got < RAW_PER_ADDR and tries < 400:
            tries += 1
            hint = fmts[got % len(fmts)] if a["kind"] == "flat" and got < 6 else None
            raw, complete, typo = make_raw(a, hint)
            raw = raw.replace("\n", " ")
            if raw in seen or len(raw.strip()) < 6:
                continue
            seen.add(raw)
            rows.append((a["canonical"], raw))
            stats["complete"] += complete
            stats["typo"] += typo
            got += 1
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["canonical", "raw"])
        w.writerows(rows)
    n = len(rows)
    print("addresses", len(addrs), "rows", n, "complete %.1f%%" % (100 * stats["complete"] / n),
          "typo %.1f%%" % (100 * stats["typo"] / n))


if __name__ == "__main__":
    main()
