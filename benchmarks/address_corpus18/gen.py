"""corpus18: raw spellings of Chinese delivery addresses (丹东, 滁州, 焦作, 自贡, 日照).

Usage:  python gen.py OUT.csv

Writes a UTF-8 CSV `canonical,raw`: 600 invented doors x 10 different raw spellings.
Deterministic (fixed seed, no set iteration, no hash-dependent order).
District and county names are real; every estate, road, 街道, town, village, natural
village, market, company, shop and person is invented. Phones appear masked only.
"""
import csv
import random
import sys

SEED = 20261818
RAWS_PER_DOOR = 10

# --------------------------------------------------------------------------- numbers
CN_DIG = "零一二三四五六七八九"


def cn_num(n):
    """Ordinary Chinese numeral (12 -> 十二, 105 -> 一百零五)."""
    if n < 10:
        return CN_DIG[n]
    if n < 20:
        return "十" + (CN_DIG[n % 10] if n % 10 else "")
    if n < 100:
        return CN_DIG[n // 10] + "十" + (CN_DIG[n % 10] if n % 10 else "")
    h, r = divmod(n, 100)
    s = CN_DIG[h] + "百"
    if r == 0:
        return s
    if r < 10:
        return s + "零" + CN_DIG[r]
    if r < 20:
        return s + "一十" + (CN_DIG[r % 10] if r % 10 else "")
    return s + cn_num(r)


def cn_digits(n, zero="零"):
    """Digit by digit (301 -> 三零一 / 三〇一)."""
    return "".join(zero if c == "0" else CN_DIG[int(c)] for c in str(n))


FW = str.maketrans("0123456789-#", "０１２３４５６７８９－＃")

# --------------------------------------------------------------------------- pools
SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦史顾侯邵孟万段雷钱汤尹易常武乔贺龚文")
GIVEN = list("建国军华明丽芳敏静伟强磊洋勇艳杰娟涛超秀英霞平刚桂兰玉红春梅海波宁晨亮鹏飞雪琳慧琴宏志永生凤玲燕萍辉斌林浩宇欣怡佳")
CORE_A = list("锦翠金银华盛泰和安康福瑞祥嘉怡雅润丰德鑫宏兴龙碧绿清明新景春秋阳光江河湖海山云天星月桂兰松柏梅荷紫御书博恒隆富晟悦")
CORE_B = list("苑城庭园湾府都居轩阁邸港岸畔林泉源岭峰桥汀洲台湖苑坊墅里堤")
ROAD_A = list("锦翠金银华盛泰康福瑞祥嘉怡雅润丰德鑫宏兴龙碧清景春秋桂兰松柏梅荷紫书博恒隆富晟悦永庆裕昌宁")
EST_B = list("湖林泉岭峰汀洲港岸湾台堤")
# very common real road / place names that two invented syllables could spell: never used
BLACKLIST = ["新华", "光明", "文化", "和平", "胜利", "人民", "建设", "解放", "中山", "长江", "黄河", "东风",
             "朝阳", "幸福", "友谊", "团结", "民主", "复兴", "春华", "兴华", "华兴", "振兴", "永安", "永兴",
             "兴隆", "隆兴", "昌盛", "富民", "康宁", "安康", "福寿", "金山", "龙泉", "青龙", "白云", "碧湖"]
PHONE_P3 = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
            "155", "156", "157", "158", "159", "166", "177", "180", "182", "183", "185", "186",
            "187", "188", "189", "191", "199"]

PHASES = ["一期", "二期", "三期", "四期"]

# --------------------------------------------------------------------------- cities
# district: full, short forms (in order of preference), alone: may be written without city
#   (None = never; 'full' = only the full name; 'any' = any short form), zone list, old names.
CITIES = [
    dict(
        key="丹东", prov="辽宁省", prov_short="辽宁", city="丹东市", city_short="丹东", post="118000",
        bword="号楼", flats_style="room", phase_word="期",
        districts=[
            dict(full="振兴区", shorts=["振兴"], alone="full",
                 zones=[["丹东新区", "新区"], ["丹东边境经济合作区", "边境经济合作区", "边合区"]]),
            dict(full="元宝区", shorts=["元宝"], alone="full", zones=[]),
            dict(full="振安区", shorts=["振安"], alone="full", zones=[]),
            dict(full="东港市", shorts=["东港"], alone="full", zones=[], county=True),
            dict(full="凤城市", shorts=["凤城"], alone="any", zones=[], county=True),
            dict(full="宽甸满族自治县", shorts=["宽甸县", "宽甸"], alone="any", zones=[], county=True),
        ],
        flat_d={"振兴区": 24, "元宝区": 16, "振安区": 10, "东港市": 10, "凤城市": 6},
        vill_d={"振安区": 6, "东港市": 9, "凤城市": 8, "宽甸满族自治县": 7},
        street_d={"元宝区": 7, "振兴区": 5},
        work_d={"振兴区": 5, "元宝区": 3, "振安区": 2, "东港市": 2},
        est_suffix=["花园", "家园", "小区", "新城", "名苑", "佳苑", "华府", "公馆", "嘉园", "丽景", "尚城", "江景苑"],
        work_units=["纺织厂宿舍", "丝绸厂宿舍", "仪器厂宿舍"],
        road_suffix=["街", "街", "路", "大街", "东路", "西路"],
        street_words=["街", "大街"], lane_word="胡同",
        town_A=list("德宝庆瑞顺吉祥裕乐丰"), town_B=list("堡沟岭台河泉甸坎岔"),
        vill_pat=["{s}家沟", "{o}道沟", "{a}甸子", "{a}{b}", "{s}家堡", "{a}岭", "大{a}"],
        nat_pat=["{s}家屯", "{s}家窝棚", "{o}道岔", "{a}沟里", "{s}家店"],
        market=["水产批发市场", "农贸市场", "服装批发市场", "海鲜市场"],
        industry=["服饰", "食品", "水产", "仪器", "机械", "草莓"],
        park=["{a}{b}工业园", "{a}{b}产业园"],
        tower=["{a}{b}大厦", "{a}{b}国际", "{a}{b}商务中心"],
        shop=["{s}记海鲜", "{a}{b}超市", "{a}{b}五金", "{a}{b}药房", "{s}姐烧烤", "{a}{b}服装店"],
        landmarks=["{a}{b}超市对面", "{a}{b}医院后身", "{a}{b}小学旁", "江边{a}{b}浴池附近"],
        typos={"丹东": ["单东", "丹冬"], "振兴": ["镇兴", "振星"], "元宝": ["圆宝", "元保"],
               "振安": ["镇安"], "东港": ["东岗"], "凤城": ["风城", "凤成"], "宽甸": ["宽店", "宽电"],
               "辽宁": ["辽营"]},
    ),
    dict(
        key="滁州", prov="安徽省", prov_short="安徽", city="滁州市", city_short="滁州", post="239000",
        bword="栋", flats_style="room", phase_word="区",
        districts=[
            dict(full="琅琊区", shorts=["琅琊"], alone="full",
                 zones=[["滁州经济技术开发区", "滁州经开区", "经开区", "滁州开发区"]]),
            dict(full="南谯区", shorts=["南谯"], alone="full",
                 zones=[["中新苏滁高新技术产业开发区", "苏滁高新区", "苏滁现代产业园", "苏滁产业园"]]),
            dict(full="来安县", shorts=["来安"], alone="any", zones=[], county=True),
            dict(full="全椒县", shorts=["全椒"], alone="any", zones=[], county=True),
            dict(full="定远县", shorts=["定远"], alone="any", zones=[], county=True),
            dict(full="凤阳县", shorts=["凤阳"], alone="any", zones=[], county=True),
            dict(full="天长市", shorts=["天长"], alone="any", zones=[], county=True),
            dict(full="明光市", shorts=["明光"], alone="full", zones=[], county=True),
        ],
        flat_d={"琅琊区": 26, "南谯区": 16, "天长市": 8, "来安县": 6, "全椒县": 6, "明光市": 4},
        vill_d={"南谯区": 4, "来安县": 5, "全椒县": 5, "定远县": 5, "凤阳县": 4, "天长市": 4, "明光市": 3},
        street_d={"琅琊区": 6, "天长市": 3, "凤阳县": 3},
        work_d={"琅琊区": 4, "南谯区": 4, "来安县": 2, "天长市": 2},
        est_suffix=["花园", "家园", "小区", "新城", "名苑", "雅苑", "华庭", "公馆", "世家", "嘉园", "新村", "御府"],
        work_units=["电机厂宿舍", "化肥厂宿舍"],
        road_suffix=["路", "路", "大道", "东路", "北路", "街"],
        street_words=["街", "大街"], lane_word="巷",
        town_A=list("德宝庆瑞顺吉祥裕乐丰"), town_B=list("集桥塘岗店铺湖埠"),
        vill_pat=["{a}{b}", "{s}{b}", "{a}{b}", "{o}{b}"],
        nat_pat=["{s}郢", "{s}圩", "{a}岗", "{s}洼", "{a}塘", "{s}大郢", "{s}小圩"],
        market=["农贸市场", "大市场", "小商品市场", "建材市场"],
        industry=["电子", "塑业", "家电配件", "玻璃", "包装", "机械"],
        park=["{a}{b}工业园", "{a}{b}工业集中区"],
        tower=["{a}{b}大厦", "{a}{b}广场", "{a}{b}金融中心"],
        shop=["{s}记鸭血粉丝", "{a}{b}超市", "{a}{b}五金", "{a}{b}大药房", "{s}家烧饼", "{a}{b}手机店"],
        landmarks=["{a}{b}超市对面", "{a}{b}医院旁边", "{a}{b}中学东边", "{a}{b}公园北门"],
        typos={"滁州": ["除州", "储州"], "琅琊": ["狼牙", "琅玡"], "南谯": ["南樵", "南桥"],
               "来安": ["来按"], "全椒": ["全焦"], "定远": ["定元"], "凤阳": ["风阳"], "天长": ["天常"],
               "明光": ["明关"], "安徽": ["安辉"]},
    ),
    dict(
        key="焦作", prov="河南省", prov_short="河南", city="焦作市", city_short="焦作", post="454000",
        bword="号楼", flats_style="room", phase_word="期",
        districts=[
            dict(full="解放区", shorts=["解放"], alone=None, zones=[]),
            dict(full="中站区", shorts=["中站"], alone="full", zones=[]),
            dict(full="马村区", shorts=["马村"], alone="full",
                 zones=[["焦作高新技术产业开发区", "焦作高新区", "高新区"]]),
            dict(full="山阳区", shorts=["山阳"], alone=None,
                 zones=[["焦作城乡一体化示范区", "城乡一体化示范区", "示范区"]]),
            dict(full="修武县", shorts=["修武"], alone="any", zones=[], county=True),
            dict(full="博爱县", shorts=["博爱"], alone="full", zones=[], county=True),
            dict(full="武陟县", shorts=["武陟"], alone="any", zones=[], county=True),
            dict(full="温县", shorts=[], alone="full", zones=[], county=True),
            dict(full="沁阳市", shorts=["沁阳"], alone="any", zones=[], county=True),
            dict(full="孟州市", shorts=["孟州"], alone="any", zones=[], county=True, old=["孟县"]),
        ],
        flat_d={"解放区": 18, "山阳区": 20, "中站区": 8, "马村区": 8, "沁阳市": 5, "孟州市": 4, "武陟县": 3},
        vill_d={"修武县": 5, "博爱县": 5, "武陟县": 5, "温县": 4, "沁阳市": 4, "孟州市": 4, "马村区": 3},
        street_d={"解放区": 7, "山阳区": 5},
        work_d={"解放区": 3, "山阳区": 4, "马村区": 2, "温县": 1, "武陟县": 2},
        est_suffix=["花园", "家园", "小区", "新城", "名门", "华府", "公馆", "上城", "嘉园", "苑", "国际", "御景"],
        work_units=["矿家属院", "电厂家属院", "化工厂家属院", "矿务局家属院"],
        road_suffix=["路", "路", "大道", "中路", "东路", "街"],
        street_words=["街", "大街"], lane_word=None,
        town_A=list("德宝庆瑞顺吉祥裕乐丰"), town_B=list("庄营寨屯坡岭店"),
        vill_pat=["{s}寨", "{s}庄", "{a}营", "{f}{s}", "{s}屯", "{a}{b}"],
        nat_pat=["{a}岭", "{s}家沟", "{a}坡"],
        market=["商贸城", "农贸市场", "小商品城", "建材市场"],
        industry=["化工", "机械", "制动器", "铝业", "耐材", "食品"],
        park=["{a}{b}产业集聚区", "{a}{b}工业园"],
        tower=["{a}{b}大厦", "{a}{b}广场", "{a}{b}国际"],
        shop=["{s}记烩面", "{a}{b}超市", "{a}{b}五金", "{a}{b}大药房", "{s}家胡辣汤", "{a}{b}电动车"],
        landmarks=["{a}{b}超市对面", "{a}{b}医院往东", "{a}{b}学校旁边", "{a}{b}银行后面"],
        typos={"焦作": ["交作", "焦做"], "解放": ["解方"], "中站": ["中战"], "马村": ["马存"],
               "山阳": ["山羊", "山杨"], "修武": ["修吴"], "博爱": ["博艾"], "武陟": ["武涉", "武址"],
               "沁阳": ["沁杨"], "孟州": ["梦州"], "河南": ["河楠"]},
    ),
    dict(
        key="自贡", prov="四川省", prov_short="四川", city="自贡市", city_short="自贡", post="643000",
        bword="幢", flats_style="floor_door", phase_word="期",
        districts=[
            dict(full="自流井区", shorts=["自流井"], alone="full",
                 zones=[["自贡高新技术产业开发区", "自贡高新区", "高新区"]]),
            dict(full="贡井区", shorts=["贡井"], alone="full", zones=[]),
            dict(full="大安区", shorts=["大安"], alone=None, zones=[]),
            dict(full="沿滩区", shorts=["沿滩"], alone="full", zones=[]),
            dict(full="荣县", shorts=[], alone="full", zones=[], county=True),
            dict(full="富顺县", shorts=["富顺"], alone="any", zones=[], county=True),
        ],
        flat_d={"自流井区": 24, "贡井区": 10, "大安区": 12, "沿滩区": 8, "荣县": 6, "富顺县": 6},
        vill_d={"荣县": 8, "富顺县": 8, "沿滩区": 6, "贡井区": 4, "大安区": 4},
        street_d={"自流井区": 7, "贡井区": 3, "大安区": 2},
        work_d={"自流井区": 4, "大安区": 3, "贡井区": 2, "沿滩区": 1, "富顺县": 2},
        est_suffix=["花园", "家园", "小区", "新城", "名苑", "华府", "公馆", "雅居", "丽都", "天街", "世纪城", "嘉苑"],
        work_units=["盐厂宿舍", "机械厂宿舍", "碱厂宿舍"],
        road_suffix=["路", "路", "街", "大道", "段"],
        street_words=["坡", "街", "巷", "坎"], lane_word=None,
        town_A=list("德宝庆瑞顺吉祥裕乐丰"), town_B=list("场坝桥寺溪滩湾"),
        vill_pat=["{a}{b}", "{s}{b}", "{a}{b}", "{o}{b}"],
        nat_pat=["{s}家嘴", "{a}坳", "{s}家塝", "{s}家坪", "{a}岩"],
        market=["农贸市场", "干杂市场", "彩灯市场", "小商品市场"],
        industry=["灯饰", "盐化", "阀门", "锅炉", "食品", "机械"],
        park=["{a}{b}工业集中区", "{a}{b}工业园"],
        tower=["{a}{b}大厦", "{a}{b}国际", "{a}{b}中心"],
        shop=["{s}记冷吃兔", "{a}{b}超市", "{a}{b}五金", "{a}{b}药房", "{s}嬢嬢面馆", "{a}{b}茶楼"],
        landmarks=["{a}{b}超市对门", "{a}{b}医院旁边", "{a}{b}小学背后", "{a}{b}车站附近"],
        typos={"自贡": ["自供", "字贡"], "自流井": ["自流景", "自留井"], "贡井": ["共井"],
               "大安": ["大按"], "沿滩": ["延滩", "盐滩"], "荣县": ["容县"], "富顺": ["福顺"],
               "四川": ["四穿"]},
    ),
    dict(
        key="日照", prov="山东省", prov_short="山东", city="日照市", city_short="日照", post="276800",
        bword="号楼", flats_style="room", phase_word="期",
        districts=[
            dict(full="东港区", shorts=["东港"], alone=None,
                 zones=[["日照经济技术开发区", "日照经开区", "开发区", "日照开发区"],
                        ["山海天旅游度假区", "山海天度假区", "山海天"]]),
            dict(full="岚山区", shorts=["岚山"], alone="full", zones=[]),
            dict(full="五莲县", shorts=["五莲"], alone="any", zones=[], county=True),
            dict(full="莒县", shorts=[], alone="full", zones=[], county=True),
        ],
        flat_d={"东港区": 42, "岚山区": 12, "五莲县": 6, "莒县": 6},
        vill_d={"东港区": 7, "岚山区": 7, "五莲县": 8, "莒县": 8},
        street_d={"东港区": 7, "莒县": 5},
        work_d={"东港区": 7, "岚山区": 3, "莒县": 2},
        est_suffix=["花园", "家园", "小区", "新城", "海景苑", "华府", "公馆", "名居", "嘉园", "海岸", "佳苑", "御府"],
        work_units=["港务局宿舍", "渔业公司宿舍"],
        road_suffix=["路", "路", "路", "大道", "街"],
        street_words=["街", "大街"], lane_word="巷",
        town_A=list("德宝庆瑞顺吉祥裕乐丰"), town_B=list("庄官岭峪沟疃埠"),
        vill_pat=["{s}家疃", "前{a}疃", "{s}家皂", "{f}{a}岭", "{s}家庄子", "{a}{b}"],
        nat_pat=[],
        market=["海鲜市场", "水产市场", "农贸市场", "茶叶市场"],
        industry=["水产", "茶叶", "木业", "钢构", "食品", "渔具"],
        park=["{a}{b}工业园", "{a}{b}产业园"],
        tower=["{a}{b}大厦", "{a}{b}国际", "{a}{b}广场"],
        shop=["{s}记海鲜", "{a}{b}超市", "{a}{b}五金", "{a}{b}大药房", "{s}家煎饼", "{a}{b}渔具店"],
        landmarks=["{a}{b}超市对过", "{a}{b}医院西边", "{a}{b}学校南邻", "{a}{b}海水浴场附近"],
        typos={"日照": ["日找", "日兆"], "东港": ["东岗"], "岚山": ["兰山", "蓝山"], "五莲": ["五连"],
               "莒县": ["举县"], "山东": ["山冬"]},
    ),
]

GENERIC_TYPOS = [("单元", "但元"), ("单元", "单园"), ("号楼", "好楼"), ("小区", "小去"), ("花园", "华园"),
                 ("家园", "佳园"), ("栋", "动"), ("幢", "撞"), ("村", "存"), ("组", "足"), ("镇", "真"),
                 ("路", "录"), ("街道", "接道"), ("市场", "是场"), ("有限公司", "有线公司"), ("苑", "院"),
                 ("庭", "亭"), ("城", "成"), ("嘉", "佳"), ("锦", "金"), ("华", "化"), ("景", "井"),
                 ("新", "心"), ("区", "去"), ("期", "其"), ("室", "是"), ("疃", "团"), ("郢", "营"),
                 ("塝", "棒"), ("屯", "吞"), ("陟", "涉")]

REMARKS = ["（放门口就行）", "，到了打电话", "，白天家里没人", "（送货上门谢谢）", "【别放驿站】", "，请放门口鞋柜",
           "(上午送)", "，敲门就行", "（家里有老人，多敲几下）", "，不要打电话发短信", "（放楼下信报箱旁）",
           "，工作日送", "（勿放快递柜）", "，急用"]
VILL_REMARKS = ["，到村口打电话", "（村部对面）", "，放村里超市", "（大队部后面）", "，到了打电话出来拿",
                "（老槐树旁边那家）", "，放小卖部"]
WORK_REMARKS = ["，找老板", "(营业时间8点到18点)", "，上班时间送", "（周日休息）", "，到了打电话下来取"]
OFFICE_REMARKS = ["，放前台", "（前台代收）", "，找前台"]

NAME_SEPS = ["", "", "", " ", "，"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.used = {}

    # ---------------------------------------------------------------- helpers
    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def wpick(self, pairs):
        tot = sum(w for w, _ in pairs)
        x = self.r.random() * tot
        for w, v in pairs:
            x -= w
            if x < 0:
                return v
        return pairs[-1][1]

    def uniq(self, ns, fn, tries=500):
        bag = self.used.setdefault(ns, [])
        for _ in range(tries):
            v = fn()
            if v not in bag:
                bag.append(v)
                return v
        raise RuntimeError("name pool exhausted: " + ns)

    def two(self, A, B):
        while True:
            a, b = self.pick(A), self.pick(B)
            if a != b and a + b not in BLACKLIST:
                return a + b

    def fill(self, pat):
        return pat.format(s=self.pick(SURNAMES), a=self.pick(CORE_A), b=self.pick(CORE_B),
                          o=self.pick("二三四五六七八"), f=self.pick("东西南北前后"))

    def person(self):
        s = self.pick(SURNAMES)
        g = self.pick(GIVEN) + (self.pick(GIVEN) if self.r.random() < 0.75 else "")
        return s, s + g

    def phone(self):
        return "%s****%04d" % (self.pick(PHONE_P3), self.r.randrange(10000))


def build_doors(g, c):
    """Invent the 120 doors of one city; returns a list of dicts."""
    k = c["key"]
    dist = {d["full"]: d for d in c["districts"]}
    doors = []

    def street_name():  # 街道 of an urban door
        return g.uniq(k + "jd", lambda: g.two(ROAD_A, ROAD_A) + "街道")

    def road():
        return g.uniq(k + "road", lambda: g.two(ROAD_A, ROAD_A) + g.pick(c["road_suffix"]))

    def zone_of(d):
        zs = dist[d]["zones"]
        if zs and g.r.random() < 0.35:
            return g.pick(zs)
        return None

    # ---------------------------------------------------------------- flats
    for dname, n in c["flat_d"].items():
        for _ in range(n):
            wu = g.r.random() < 0.12
            if wu:
                est = g.uniq(k + "est", lambda: g.two(CORE_A, CORE_A) + g.pick(c["work_units"]))
                core, suf = est, ""
            else:
                core = g.uniq(k + "estcore", lambda: g.two(CORE_A, CORE_A + EST_B))
                suf = g.pick(c["est_suffix"])
                est = core + suf
            phase = ""
            if not wu:
                if c["phase_word"] == "区" and g.r.random() < 0.4:
                    phase = g.pick("ABCDE") + "区"
                elif g.r.random() < 0.25:
                    phase = g.pick(PHASES)
            style = c["flats_style"]
            if k == "焦作" and (wu or g.r.random() < 0.2):
                style = "east_west"
            tower = k == "日照" and not wu and g.r.random() < 0.3
            hasunit = not tower
            top = 6 if (wu or style == "east_west") else (33 if tower else g.pick([6, 7, 11, 18, 26]))
            b = g.r.randint(1, 12 if wu else 36)
            u = g.r.randint(1, 4) if hasunit else 0
            f = g.r.randint(1, top)
            if style == "east_west":
                dd = g.pick(["东户", "西户", "东户", "西户", "中户"])
            else:
                dd = g.r.randint(1, 6 if tower else (2 if top <= 7 else 4))
            rd = road()
            num = g.r.randint(1, 399)
            doors.append(dict(kind="flat", district=dname, zone=zone_of(dname), jd=street_name(),
                              est=est, core=core, suf=suf, wu=wu, phase=phase, style=style,
                              hasunit=hasunit, b=b, u=u, f=f, d=dd, road=rd, num=num,
                              cross=road(), landmark=g.fill(g.pick(c["landmarks"]))))
    # ---------------------------------------------------------------- villages
    towns = {}
    for dname, n in c["vill_d"].items():
        towns[dname] = []
        for _ in range(max(2, (n + 2) // 3)):
            tn = g.uniq(k + "town", lambda: g.two(c["town_A"], c["town_B"]))
            towns[dname].append((tn, "乡" if g.r.random() < 0.15 else "镇"))
        for _ in range(n):
            tn, tw = g.pick(towns[dname])
            vil = g.uniq(k + "vil", lambda: g.fill(g.pick(c["vill_pat"])))
            grp = g.r.randint(1, 14)
            nat = None
            if k == "滁州":
                nat = g.uniq(k + "nat", lambda: g.fill(g.pick(c["nat_pat"])))
            elif c["nat_pat"] and g.r.random() < 0.45:
                nat = g.uniq(k + "nat", lambda: g.fill(g.pick(c["nat_pat"])))
            comm = None
            if k == "日照" and g.r.random() < 0.5:
                comm = g.uniq(k + "comm", lambda: g.pick(CORE_A) + g.pick(CORE_B) + "社区")
            doors.append(dict(kind="village", district=dname, zone=None, town=tn, tw=tw, vil=vil,
                              grp=grp, nat=nat, comm=comm, n=g.r.randint(1, 168)))
    # ---------------------------------------------------------------- street houses
    for dname, n in c["street_d"].items():
        for _ in range(n):
            st = g.uniq(k + "st", lambda: g.two(ROAD_A, CORE_A + EST_B) + g.pick(c["street_words"]))
            lane = None
            if c["lane_word"] and g.r.random() < 0.5:
                lane = g.uniq(k + "lane", lambda: g.two(CORE_A, CORE_A) + c["lane_word"])
            yard = g.r.randint(1, 30) if k == "焦作" else None
            doors.append(dict(kind="street", district=dname, zone=zone_of(dname), jd=street_name(),
                              st=st, lane=lane, yard=yard, n=g.r.randint(1, 160),
                              landmark=g.fill(g.pick(c["landmarks"]))))
    # ---------------------------------------------------------------- workplaces
    wk = ["stall", "office", "factory", "shop"]
    i = 0
    for dname, n in c["work_d"].items():
        for _ in range(n):
            w = wk[i % 4]
            i += 1
            dd = dict(kind=w, district=dname, zone=zone_of(dname), jd=street_name(), road=road(),
                      num=g.r.randint(1, 599), owner=g.person())
            if w == "stall":
                dd["market"] = g.uniq(k + "mkt", lambda: g.pick(CORE_A) + g.pick(CORE_B) + g.pick(c["market"]))
                dd["zonel"] = g.pick("ABCDEF")
                dd["k"] = g.r.randint(1, 120)
            elif w == "office":
                dd["tower"] = g.uniq(k + "tower", lambda: g.fill(g.pick(c["tower"])))
                dd["zuo"] = g.pick(["", "", "A座", "B座"])
                dd["f"] = g.r.randint(2, 28)
                dd["room"] = dd["f"] * 100 + g.r.randint(1, 18)
                core = g.uniq(k + "cocore", lambda: g.two(CORE_A, CORE_A))
                dd["co_core"] = core
                dd["co"] = c["city_short"] + core + g.pick(["科技", "商贸", "文化传媒", "信息技术", "物流"]) + "有限公司"
            elif w == "factory":
                core = g.uniq(k + "cocore", lambda: g.two(CORE_A, CORE_A))
                ind = g.pick(c["industry"])
                dd["co_core"] = core
                dd["ind"] = ind
                dd["co"] = c["city_short"] + core + ind + "有限公司"
                dd["park"] = g.uniq(k + "park", lambda: g.fill(g.pick(c["park"])))
            else:
                dd["shop"] = g.uniq(k + "shop", lambda: g.fill(g.pick(c["shop"])))
            doors.append(dd)
    assert len(doors) == 120, (k, len(doors))
    return doors


# =========================================================================== canonical
def canonical(c, d):
    pre = c["prov"] + c["city"] + d["district"]
    return pre + body_canon(c, d)


def room_canon(c, d):
    if d["style"] == "east_west":
        return "%d楼%s" % (d["f"], d["d"])
    if d["style"] == "floor_door":
        return "%d楼%d号" % (d["f"], d["d"])
    return "%d%02d室" % (d["f"], d["d"])


def body_canon(c, d):
    k = d["kind"]
    if k == "flat":
        s = "%s%d号%s%s%d%s" % (d["road"], d["num"], d["est"], d["phase"], d["b"], c["bword"])
        if d["hasunit"]:
            s += "%d单元" % d["u"]
        return s + room_canon(c, d)
    if k == "village":
        s = d["town"] + d["tw"] + d["vil"] + "村"
        if c["key"] == "滁州":
            s += d["nat"] + "组"
        elif c["key"] != "日照":
            s += "%d组" % d["grp"]
        return s + "%d号" % d["n"]
    if k == "street":
        if d["yard"]:
            return "%s%d号院%d号" % (d["st"], d["yard"], d["n"])
        return d["st"] + (d["lane"] or "") + "%d号" % d["n"]
    if k == "stall":
        return "%s%d号%s%s区%d号" % (d["road"], d["num"], d["market"], d["zonel"], d["k"])
    if k == "office":
        return "%s%d号%s%s%d层%d室%s" % (d["road"], d["num"], d["tower"], d["zuo"], d["f"], d["room"], d["co"])
    if k == "factory":
        return "%s%d号%s" % (d["road"], d["num"], d["co"])
    if k == "shop":
        return "%s%d号%s" % (d["road"], d["num"], d["shop"])
    raise ValueError(k)


# =========================================================================== raw pieces
def district_forms(g, c, d):
    """Spellings of the district level for this door (list of strings)."""
    dist = [x for x in c["districts"] if x["full"] == d["district"]][0]
    return dist


def prefix(g, c, d):
    """Return (front, back, needs_city_named) — the region part of a raw."""
    dist = district_forms(g, c, d)
    kind = d["kind"]
    rural = kind == "village"
    full_d = dist["full"]
    short_d = g.pick(dist["shorts"]) if dist["shorts"] else full_d
    dshort_or_full = g.pick([full_d, short_d]) if dist["shorts"] else full_d
    zone = d.get("zone")
    old = dist.get("old")
    # choose the district spelling
    dmode = "full"
    x = g.r.random()
    if zone and x < 0.55:
        dmode = "zone" if g.r.random() < 0.7 else "both"
    elif old and x < 0.3:
        dmode = "old"
    if dmode == "zone":
        dsp = g.pick(zone)
    elif dmode == "both":
        dsp = full_d + g.pick(zone)
    elif dmode == "old":
        dsp = old[0]
    else:
        dsp = None  # decided per style below
    p, ps, cy, cys = c["prov"], c["prov_short"], c["city"], c["city_short"]
    jd = d.get("jd")
    add_jd = jd and kind != "village" and g.r.random() < 0.22
    styles = [
        (16, "full"), (14, "noprov"), (12, "short"), (6, "shortcity"), (9, "spaced"), (7, "picker"),
        (5, "doubled"), (4, "trailing"), (3, "bracket"), (3, "provshort_full"),
        (5 if dist.get("county") else 2, "alone"), (2, "cityonly"), (1.5, "none"), (2, "postcode"),
        (2, "dot"),
    ]
    st = g.wpick(styles)
    # constraints: villages always keep the district; zones/old names of ambiguous short need the city
    if rural and st in ("cityonly", "none"):
        st = "noprov"
    if st == "alone":
        if dmode in ("zone", "both") and dsp and not dsp.startswith(cys):
            st = "noprov"
        elif dist["alone"] is None:
            st = "short"
    if st == "cityonly" and dmode != "full":
        st = "noprov"
    if st == "none" and dmode != "full":
        st = "noprov"

    def D(short_ok=True):
        if dsp:
            return dsp
        return dshort_or_full if short_ok else full_d

    jds = (jd if add_jd else "")

    def cj(city_short, dspell):  # 丹东 + 丹东新区 -> 丹东新区
        return dspell if dspell.startswith(city_short) else city_short + dspell
    front, back = "", ""
    if st == "full":
        front = p + cy + D(False) + jds
    elif st == "noprov":
        front = cy + D(False) + jds
    elif st == "short":
        front = cj(cys, dsp or short_d) + jds
    elif st == "shortcity":
        front = cys + "市" + D() + jds
    elif st == "spaced":
        sep = g.pick([" ", " ", "  ", "-", "/"])
        front = sep.join([g.pick([p, ps]), g.pick([cy, cys]), D()] + ([jd] if add_jd else [])) + g.pick([" ", sep, ""])
    elif st == "picker":
        parts = [p, cy, D(False)]
        if jd and kind != "village":
            parts.append(jd)
        front = " ".join(parts) + " "
    elif st == "doubled":
        a = " ".join([p, cy, D(False)] + ([jd] if jd and kind != "village" else [])) + g.pick([" ", ""])
        b = g.pick([p + cy + D(False), ps + cj(cys, dsp or short_d), cy + D(False), cj(cys, dsp or short_d)])
        front = a + b + g.pick(["", " "])
    elif st == "trailing":
        back = g.pick(["，", " ", "（", "，"]) + g.pick([cj(cys, dsp or short_d), p + cy + D(False), ps + cj(cys, D())])
        if back.startswith("（"):
            back += "）"
    elif st == "bracket":
        front = g.pick(["【%s%s】" % (ps, cys), "[%s]" % cys, "【%s】" % cy]) + D(False)
    elif st == "provshort_full":
        front = ps + cy + D(False) + jds
    elif st == "alone":
        if dist["alone"] == "full":
            front = (dsp or full_d) + jds
        else:
            front = (dsp or g.pick([full_d, short_d])) + jds
    elif st == "cityonly":
        front = g.pick([cy, cys + "市", cys]) + jds
    elif st == "none":
        front = jds
    elif st == "postcode":
        pc = c["post"]
        if g.r.random() < 0.5:
            front = pc + " " + p + cy + D(False)
        else:
            front = p + cy + D(False)
            back = g.pick(["（邮编%s）" % pc, " %s" % pc, "，邮编：%s" % pc])
    elif st == "dot":
        sep = g.pick(["·", "，", ","])
        front = sep.join([p, cy, D(False)]) + sep
    if front and st not in ("spaced", "picker", "doubled", "postcode", "dot", "none") and g.r.random() < 0.12:
        front += " "
    return front, back


def est_form(g, c, d):
    core, suf, est = d["core"], d["suf"], d["est"]
    if d["wu"]:
        opts = [(6, est), (2, est.replace("家属院", "家属区").replace("宿舍", "宿舍区"))]
        return g.wpick(opts)
    opts = [(7, est)]
    if suf in ("花园", "家园", "小区", "新城", "名苑", "佳苑", "雅苑", "嘉园", "嘉苑", "丽景", "华庭", "苑", "名居", "名门", "御景", "江景苑", "海景苑"):
        opts.append((3, core))
    if suf != "小区":
        opts.append((2, est + "小区"))
    else:
        opts.append((2, core + "小区"))
    return g.wpick(opts)


def phase_form(g, c, d):
    ph = d["phase"]
    if not ph:
        return ""
    if ph.endswith("区"):
        L = ph[0]
        return g.wpick([(5, ph), (2, L.lower() + "区"), (2, "（%s）" % ph), (1, " %s区" % L), (1, L)])
    n = PHASES.index(ph) + 1
    return g.wpick([(5, ph), (3, "%d期" % n), (2, "（%s）" % ph), (1, "(%d期)" % n), (1, " %s " % ph)])


def bur_forms(g, c, d):
    """Building/unit/room spellings: list of (weight, text, complete)."""
    b, u, f, dd = d["b"], d["u"], d["f"], d["d"]
    k = c["key"]
    out = []
    if d["style"] == "east_west":
        ew = dd[0]
        out += [(5, "%d号楼%d单元%d楼%s户" % (b, u, f, ew), True),
                (4, "%d号楼%d单元%d楼%s" % (b, u, f, ew), True),
                (3, "%d-%d-%d%s" % (b, u, f, ew), True),
                (2, "%d号楼%d单元%d层%s户" % (b, u, f, ew), True),
                (2, "%d#楼%d单元%s户%d楼" % (b, u, ew, f), True),
                (2, "%d号楼%d单元%d层%s" % (b, u, f, ew), True),
                (1, "%s号楼%s单元%s楼%s户" % (cn_num(b), cn_num(u), cn_num(f), ew), True),
                (1, "%d栋%d单元%d楼%s边" % (b, u, f, ew), True),
                (1, "%d号楼%d单元%d%s" % (b, u, f, ew), True)]
        inc = [(1, "%d号楼%d单元" % (b, u), False)]
        return out, inc
    if d["style"] == "floor_door":  # 自贡: N幢N单元N楼N号
        r = f * 100 + dd
        out += [(5, "%d幢%d单元%d楼%d号" % (b, u, f, dd), True),
                (4, "%d栋%d单元%d楼%d号" % (b, u, f, dd), True),
                (3, "%d-%d-%d-%d" % (b, u, f, dd), True),
                (3, "%d栋%d单元%d-%d号" % (b, u, f, dd), True),
                (3, "%d栋%d单元%d" % (b, u, r), True),
                (2, "%d-%d-%d" % (b, u, r), True),
                (2, "%d幢%d单元%d号" % (b, u, r), True),
                (1, "%d栋%d单元%d楼%d号房" % (b, u, f, dd), True),
                (1, "%s幢%s单元%s楼%s号" % (cn_num(b), cn_num(u), cn_num(f), cn_num(dd)), True),
                (1, "%d号楼%d单元%d楼%d号" % (b, u, f, dd), True),
                (1, "%d栋%d单元%d层%d号" % (b, u, f, dd), True)]
        inc = [(1, "%d栋%d单元" % (b, u), False), (1, "%d幢%d单元" % (b, u), False)]
        return out, inc
    r = f * 100 + dd
    if not d["hasunit"]:  # 日照 towers
        out += [(5, "%d号楼%d室" % (b, r), True), (4, "%d号楼%d" % (b, r), True), (3, "%d#%d" % (b, r), True),
                (3, "%d-%d" % (b, r), True), (2, "%d#楼%d室" % (b, r), True),
                (2, "%d号楼%d层%02d" % (b, f, dd), True), (1, "%d栋%d" % (b, r), True),
                (1, "%s号楼%s" % (cn_num(b), cn_digits(r)), True), (1, "%d号楼%d楼%02d号" % (b, f, dd), True)]
        return out, []
    bw = c["bword"]
    out += [(6, "%d%s%d单元%d室" % (b, bw, u, r), True),
            (5, "%d%s%d单元%d" % (b, bw, u, r), True),
            (5, "%d-%d-%d" % (b, u, r), True),
            (1, "%d—%d—%d" % (b, u, r), True),
            (2, "%d#%d单元%d" % (b, u, r), True),
            (2, "%d#%d-%d" % (b, u, r), True),
            (1, "%d栋%d单元%d" % (b, u, r), True),
            (1, "%d幢%d单元%d室" % (b, u, r), True),
            (1, "%s%s%s单元%s" % (cn_num(b), bw, cn_num(u), cn_digits(r, g.pick(["零", "〇"]))), True),
            (1, "%d%s%d单元%d楼%02d" % (b, bw, u, f, dd), True),
            (1, "%d%s%d单元%d层%d号" % (b, bw, u, f, dd), True),
            (1, "%d%s%d单元%d号" % (b, bw, u, r), True)]
    if k == "丹东":
        out += [(3, "%d号%d单元%d" % (b, u, r), True),      # building as bare 号
                (3, "%d楼%d单元%d" % (b, u, r), True),      # building as 楼 (northeast)
                (2, "%d号楼%d单元%d号" % (b, u, r), True),
                (1, "%d号楼%d单元%d楼%d号" % (b, u, f, dd), True)]
    if k == "滁州":
        out += [(3, "%d栋%d单元%d" % (b, u, r), True), (2, "%d幢%d单元%d室" % (b, u, r), True),
                (2, "%d号楼%d单元%d室" % (b, u, r), True), (1, "%d栋%d-%d" % (b, u, r), True)]
    if k == "焦作":
        out += [(2, "%d号楼%d单元%d号" % (b, u, r), True), (2, "%d#楼%d单元%d" % (b, u, r), True)]
    if k == "日照":
        out += [(3, "%d#楼%d单元%d" % (b, u, r), True), (2, "%d号楼%d-%d" % (b, u, r), True),
                (1, "%d幢%d单元%d" % (b, u, r), True)]
    inc = [(2, "%d%s%d单元" % (b, bw, u), False), (1, "%d#%d单元" % (b, u), False)]
    return out, inc


def recipient(g, c):
    s, name = g.person()
    ph = g.phone()
    form = g.wpick([(4, "%s %s" % (name, ph)), (2, "%s，%s" % (name, ph)), (2, "%s先生 %s" % (s, ph)),
                    (2, "%s女士%s" % (s, ph)), (1, "%s**" % s), (1, "收件人：%s 电话：%s" % (name, ph)),
                    (1, "%s收" % name), (1, "联系人%s" % name), (2, "%s %s" % (ph, name)),
                    (1, "手机%s" % ph), (1, "tel:%s" % ph), (1, "%s[%s]" % (name, ph)),
                    (1, "%s(%s)" % (s + g.pick(["师傅", "老师", "姐", "哥"]), ph))])
    return form


def flat_body(g, c, d, allow_inc):
    bur, inc = bur_forms(g, c, d)
    complete = True
    if allow_inc and inc:
        _, s, complete = g.wpick([(w, (w, t, cflag)) for w, t, cflag in inc])
    else:
        _, s, complete = g.wpick([(w, (w, t, cflag)) for w, t, cflag in bur])
    est = est_form(g, c, d)
    ph = phase_form(g, c, d)
    sep = g.pick(["", "", "", " ", " "])
    rn = "%s%d号" % (d["road"], d["num"])
    if g.r.random() < 0.04:
        rn = "%s%s号" % (d["road"], cn_num(d["num"]))
    cross_w = 6 if c["key"] in ("焦作", "日照") else 1.5
    lay = g.wpick([(30, "road_est"), (24, "est"), (9, "est_paren_road"), (8, "roadnonum_est"),
                   (7, "est_road"), (cross_w, "cross"), (3, "landmark"), (3, "road_only")])
    eb = est + ph
    if lay == "road_est":
        body = rn + g.pick(["", "", " ", "，"]) + eb + sep + s
    elif lay == "est":
        body = eb + sep + s
    elif lay == "est_paren_road":
        body = eb + g.pick(["（%s）", "(%s)"]) % rn + s
    elif lay == "roadnonum_est":
        body = d["road"] + eb + sep + s
    elif lay == "est_road":
        body = eb + " " + rn + " " + s
    elif lay == "cross":
        body = d["road"] + g.pick(["与", "和", ""]) + d["cross"] + g.pick(["交叉口", "交汇处", "路口"]) + eb + sep + s
        if g.r.random() < 0.4:
            body = eb + "（%s与%s交叉口）" % (d["road"], d["cross"]) + s
    elif lay == "landmark":
        body = eb + "（%s）" % d["landmark"] + s
    else:  # road + number names the estate gate; estate left out
        body = rn + g.pick(["", " "]) + ph.strip() + s
    return body, complete


def village_body(g, c, d, allow_inc):
    k = c["key"]
    town = d["town"] + d["tw"]
    tf = g.wpick([(6, town), (2, d["town"]), (2, "")]) if len(d["town"]) >= 2 else town
    vil = d["vil"]
    vf = g.wpick([(6, vil + "村"), (2, vil + "村委会"), (1, vil + "村村委会"), (1, vil)])
    if vf == vil and not vil.endswith(("沟", "子", "寨", "庄", "营", "屯", "疃", "皂", "岭", "堡")):
        vf = vil + "村"
    n = d["n"]
    nf = g.wpick([(7, "%d号" % n), (2, "%d" % n), (1, "%s号" % cn_num(n)), (1, "门牌%d号" % n)])
    complete = True
    if k == "日照":
        if d["comm"] and g.r.random() < 0.35:
            vf = d["comm"] + g.pick(["", " "]) + vf
        if tf == "":
            tf = town if not d["comm"] else ""
        if vf.endswith("村委会"):  # a 村委会 with a house number reads as the committee's own door
            vf = vil + "村"
        body = tf + g.pick(["", "", " "]) + vf + nf
        return body, complete
    if k == "滁州":
        nat = d["nat"]
        gf = g.wpick([(5, nat + "组"), (3, nat), (2, nat + "村民组"), (1, nat + "村民小组"), (1, nat + "队")])
        if gf == nat and not vf.endswith(("村", "村委会")):
            vf = vil + "村"
        if allow_inc:
            nf, complete = "", False
        body = tf + vf + g.pick(["", "", " "]) + gf + nf
        return body, complete
    grp = d["grp"]
    gopts = [(6, "%d组" % grp), (2, "%s组" % cn_num(grp)), (1, "第%d组" % grp)]
    if k == "丹东":
        gopts += [(2, "%d村民组" % grp), (1, "%s队" % cn_num(grp))]
    elif k == "焦作":
        gopts += [(2, "%d队" % grp), (1, "第%s村民小组" % cn_num(grp))]
    elif k == "自贡":
        gopts += [(2, "%d队" % grp), (2, "%d社" % grp), (1, "%s社" % cn_num(grp))]
    gf = g.wpick(gopts)
    nat = d["nat"]
    if nat:
        x = g.r.random()
        if x < 0.35:
            gf = gf + g.pick(["（%s）" % nat, nat, " %s" % nat])
        elif x < 0.45:
            gf = nat + gf
        elif x < 0.55:  # the natural village instead of the group
            gf = nat
    if allow_inc:
        nf, complete = "", False
    body = tf + vf + g.pick(["", "", " "]) + gf + nf
    return body, complete


def street_body(g, c, d):
    n = d["n"]
    nf = g.wpick([(8, "%d号" % n), (1, "%s号" % cn_num(n)), (1, "%d#" % n), (1, "%d" % n)])
    if d["yard"]:
        y = d["yard"]
        core = g.wpick([(5, "%d号院%d号" % (y, n)), (3, "%d号院内%d号" % (y, n)), (2, "%d号院%d" % (y, n)),
                        (2, "%d-%d号" % (y, n)), (1, "%s号院%s号" % (cn_num(y), cn_num(n))),
                        (1, "%d号院 %d号" % (y, n))])
        body = d["st"] + core
    elif d["lane"]:
        lane = d["lane"]
        body = g.wpick([(5, d["st"] + lane + nf), (4, lane + nf), (1, d["st"] + " " + lane + nf),
                        (1, lane + nf + "（%s）" % d["st"])])
    else:
        body = d["st"] + nf
    x = g.r.random()
    if x < 0.12:
        body += "（%s）" % d["landmark"]
    elif x < 0.2 and c["key"] == "丹东":
        body += "平房"
    elif x < 0.2:
        body += g.pick(["（老房子）", "临街"])
    return body, True


def work_body(g, c, d):
    k = d["kind"]
    rn = "%s%d号" % (d["road"], d["num"])
    rem = ""
    if k == "stall":
        m, L, n = d["market"], d["zonel"], d["k"]
        mk = g.wpick([(6, m), (2, m.replace("批发", "").replace("农贸", "")), (1, m + "内")])
        sp = g.wpick([(4, "%s区%d号" % (L, n)), (3, "%s区%d号摊位" % (L, n)), (3, "%s%d" % (L, n)),
                      (2, "%s-%d号" % (L, n)), (2, "%s区%d号档口" % (L, n)),
                      (1, "%s区%s号" % (L, cn_num(n))), (1, "%s区%03d" % (L, n)),
                      (1, "%s区%d号%s" % (L, n, "门市" if c["key"] == "丹东" else "摊"))])
        body = g.wpick([(5, rn + mk + sp), (5, mk + sp), (2, mk + "（%s）" % rn + sp)])
        if g.r.random() < 0.2:
            body += g.pick(["，摊主%s" % d["owner"][1], "（%s老板）" % d["owner"][0], "，找%s姐" % d["owner"][0]])
    elif k == "office":
        t, z, f, r, co = d["tower"], d["zuo"], d["f"], d["room"], d["co"]
        cos = g.wpick([(4, co), (2, co.replace(c["city_short"], "", 1)), (2, "")])
        tz = t + z
        sp = g.wpick([(5, "%d层%d室" % (f, r)), (4, "%d楼%d" % (f, r)), (2, "%dF-%d" % (f, r)),
                      (3, "%d室" % r), (2, "%d" % r), (1, "%s楼%d" % (cn_num(f), r))])
        body = g.wpick([(5, rn + tz + sp + g.pick(["", " "]) + cos), (4, tz + sp + g.pick(["", " ", "，"]) + cos),
                        (2, (cos or co) + "（%s%s）" % (tz, sp)), (1, tz + " " + (cos or co) + " " + sp)])
        if g.r.random() < 0.15:
            body += g.pick(OFFICE_REMARKS)
    elif k == "factory":
        co, core, ind = d["co"], d["co_core"], d["ind"]
        cf = g.wpick([(5, co), (3, co.replace(c["city_short"], "", 1)), (2, core + ind + "厂"),
                      (2, c["city_short"] + core + ind), (1, co.replace("有限公司", "公司"))])
        body = g.wpick([(5, rn + cf), (3, d["park"] + rn + cf), (3, d["park"] + cf + "（%s）" % rn),
                        (2, cf + "（%s）" % rn), (1, d["road"] + cf)])
        if g.r.random() < 0.22:
            body += g.pick(["门卫室", "（门卫代收）", "，仓库收", "，放门卫"])
    else:  # shop
        s = d["shop"]
        front = {"丹东": "门市", "自贡": "门面", "日照": "门头", "焦作": "门面房", "滁州": "门面"}[c["key"]]
        body = g.wpick([(5, rn + s), (3, s + "（%s）" % rn), (2, rn + front + g.pick(["", " "]) + s),
                        (1, rn + s + "店铺"), (1, s + " " + rn)])
    if g.r.random() < 0.1:
        rem = g.pick(WORK_REMARKS)
    return body + rem, True


# =========================================================================== raw assembly
def typo(g, c, s):
    """Apply one pinyin-IME slip; returns new string or None if nothing fits."""
    cands = []
    for orig, subs in c["typos"].items():
        if orig in s:
            for t in subs:
                cands.append((orig, t))
    for orig, t in GENERIC_TYPOS:
        if orig in s:
            cands.append((orig, t))
    if not cands:
        return None
    orig, t = g.pick(cands)
    assert len(orig) == len(t)
    # replace one occurrence (the first, or the last when doubled)
    idx = s.find(orig) if g.r.random() < 0.6 else s.rfind(orig)
    return s[:idx] + t + s[idx + len(orig):]


def make_raw(g, c, d, allow_inc):
    kind = d["kind"]
    if kind == "flat":
        body, complete = flat_body(g, c, d, allow_inc)
    elif kind == "village":
        body, complete = village_body(g, c, d, allow_inc)
    elif kind == "street":
        body, complete = street_body(g, c, d)
    else:
        body, complete = work_body(g, c, d)
    front, back = prefix(g, c, d)
    if front and not front.endswith((" ", "，", "·", ",", "/", "-")) and g.r.random() < 0.1:
        front += g.pick([" ", "，"])
    raw = front + body + back
    ty = False
    if g.r.random() < 0.043:  # one IME slip, in the address itself (not in notes or names)
        t = typo(g, c, raw)
        if t is not None:
            raw, ty = t, True
    cut = len(front) + len(body)  # slips keep the length, so the notes go before the trailing region
    raw, tail = raw[:cut], raw[cut:]
    x = g.r.random()
    if x < 0.16:
        raw += g.pick(VILL_REMARKS if kind == "village" else REMARKS if kind in ("flat", "street") else [""])
    raw += tail
    x = g.r.random()
    if x < 0.12:
        raw = recipient(g, c) + g.pick([" ", "，", "  ", ""]) + raw
    elif x < 0.24:
        raw = raw + g.pick([" ", "，", "  "]) + recipient(g, c)
    x = g.r.random()
    fw = False
    if x < 0.05:
        raw = raw.translate(FW)
        fw = True
    elif x < 0.07:  # full-width in the building/room part only
        cut = len(raw) - len(body) // 2
        raw = raw[:cut] + raw[cut:].translate(FW)
        fw = True
    x = g.r.random()
    if x < 0.03:
        raw = " " + raw
    elif x < 0.06:
        raw = raw + g.pick([" ", "。", "  "])
    return raw, complete, ty, fw


def main(out):
    g = Gen(SEED)
    rows = []
    stats = dict(rows=0, complete=0, typo=0, fw=0, inc_by_kind={})
    for c in CITIES:
        doors = build_doors(g, c)
        for d in doors:
            canon = canonical(c, d)
            seen = [canon]
            raws = []
            inc_left = 1 if d["kind"] in ("flat", "village") else 0
            tries = 0
            while len(raws) < RAWS_PER_DOOR:
                tries += 1
                if tries > 400:
                    raise RuntimeError("cannot make 10 raws for " + canon)
                allow_inc = inc_left > 0 and g.r.random() < 0.06
                raw, complete, ty, fw = make_raw(g, c, d, allow_inc)
                if raw in seen or raw.strip() == canon:
                    continue
                seen.append(raw)
                if not complete:
                    inc_left -= 1
                    stats["inc_by_kind"][d["kind"]] = stats["inc_by_kind"].get(d["kind"], 0) + 1
                raws.append(raw)
                stats["rows"] += 1
                stats["complete"] += complete
                stats["typo"] += ty
                stats["fw"] += fw
            for raw in raws:
                rows.append((canon, raw))
    canons = []
    for cn, _ in rows:
        if not canons or canons[-1] != cn:
            canons.append(cn)
    assert len(canons) == len(dict.fromkeys(canons)) == 600, len(canons)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["canonical", "raw"])
        w.writerows(rows)
    n = stats["rows"]
    print("rows %d  complete %.1f%%  typo %.1f%%  full-width %.1f%%  incomplete by kind %s" % (
        n, 100.0 * stats["complete"] / n, 100.0 * stats["typo"] / n, 100.0 * stats["fw"] / n,
        stats["inc_by_kind"]), file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen.py OUT.csv")
    main(sys.argv[1])
