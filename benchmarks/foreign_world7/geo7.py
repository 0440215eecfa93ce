# Reference tables for foreign7. Province/city/county names and GB/T 2260 codes are real;
# roads are mostly real street names, estates, towers, markets, villages and numbers are invented.

# district record: key -> dict(code, prov, city, dist, abbr (written short form or None), alt (unofficial names people write),
#   area (landline area code), digits (local number length), roads, towns (for rural), kind ('urban'|'rural'), court)
D = {}


def _d(key, code, prov, city, dist, abbr, alt, area, digits, roads, towns=None, kind="urban", weight=1.0, region=None):
    D[key] = dict(key=key, code=code, prov=prov, city=city, dist=dist, abbr=abbr, alt=alt or [], area=area, digits=digits,
                  roads=roads, towns=towns or [], kind=kind, weight=weight, region=region)


# ---- 重庆 (a municipality: the province slot is 重庆市 and there is no city slot)
_d("yuzhong", "500103", "重庆市", "", "渝中区", "渝中", ["解放碑"], "023", 8,
   ["民族路", "民权路", "邹容路", "中山三路", "上清寺路", "大坪正街", "新华路", "较场口"], region="cq")
_d("jiangbei", "500105", "重庆市", "", "江北区", None, ["观音桥"], "023", 8,   # never written short: 宁波 also has 江北区
   ["建新北路", "洋河路", "红石路", "鸿恩路", "北城天街", "港城南路"], region="cq")
_d("shapingba", "500106", "重庆市", "", "沙坪坝区", "沙坪坝", ["沙区"], "023", 8,
   ["小龙坎正街", "天星桥正街", "汉渝路", "土湾路", "沙南街", "石碾盘"], region="cq")
_d("jiulongpo", "500107", "重庆市", "", "九龙坡区", "九龙坡", ["杨家坪"], "023", 8,
   ["杨家坪正街", "谢家湾正街", "石坪桥正街", "科园一路", "黄桷坪正街", "西郊路"], region="cq")
_d("nanan", "500108", "重庆市", "", "南岸区", "南岸", ["南坪"], "023", 8,
   ["南坪正街", "江南大道", "南城大道", "亚太路", "弹子石正街", "学府大道"], region="cq")
_d("yubei", "500112", "重庆市", "", "渝北区", "渝北", ["两江新区", "两江新区渝北"], "023", 8,
   ["金开大道", "新牌坊一路", "龙山大道", "红锦大道", "星光大道", "龙溪路", "黄山大道"], region="cq", weight=1.4)
_d("qijiang", "500110", "重庆市", "", "綦江区", "綦江", None, "023", 8,
   ["文龙大道", "沱湾路", "九龙大道"], towns=["三角镇", "赶水镇", "打通镇", "石角镇"], kind="rural", region="cq", weight=0.5)
_d("youyang", "500242", "重庆市", "", "酉阳土家族苗族自治县", "酉阳", ["酉阳县"], "023", 8,
   ["桃花源大道", "钟多路"], towns=["龙潭镇", "麻旺镇", "酉酬镇", "兴隆镇"], kind="rural", region="cq", weight=0.5)
# ---- 黑龙江
_d("saertu", "230602", "黑龙江省", "大庆市", "萨尔图区", "萨区", None, "0459", 7,
   ["中央大街", "纬二路", "东风路", "经七街", "站前路", "萨大路"], region="hlj")
_d("ranghulu", "230604", "黑龙江省", "大庆市", "让胡路区", "让区", None, "0459", 7,
   ["西宾路", "中原路", "乘风路", "让胡路", "西苑街", "铁人大道"], region="hlj", weight=1.2)
_d("longfeng", "230603", "黑龙江省", "大庆市", "龙凤区", "龙凤", None, "0459", 7,
   ["卧里屯大街", "兴化路", "世纪大道", "龙凤大街"], region="hlj")
_d("linidian", "230623", "黑龙江省", "大庆市", "林甸县", "林甸", None, "0459", 7,
   ["林甸大街"], towns=["林甸镇", "花园镇", "四季青镇", "红旗镇"], kind="rural", region="hlj", weight=0.5)
_d("longsha", "230202", "黑龙江省", "齐齐哈尔市", "龙沙区", "龙沙", None, "0452", 7,
   ["卜奎大街", "龙华路", "中华路", "新华路", "公园路"], region="hlj")
_d("jianhua", "230203", "黑龙江省", "齐齐哈尔市", "建华区", "建华", None, "0452", 7,
   ["新明大街", "文化大街", "建华路", "光荣街"], region="hlj")
# ---- 内蒙古
_d("kundulun", "150203", "内蒙古自治区", "包头市", "昆都仑区", "昆区", None, "0472", 7,
   ["钢铁大街", "阿尔丁大街", "友谊大街", "青年路", "团结大街", "民族东路"], region="nmg", weight=1.2)
_d("qingshan", "150204", "内蒙古自治区", "包头市", "青山区", None, None, "0472", 7,   # 武汉 also has 青山区
   ["幸福路", "文化路", "青山路", "富强路", "自由路"], region="nmg")
_d("donghe", "150202", "内蒙古自治区", "包头市", "东河区", "东河", None, "0472", 7,
   ["巴彦塔拉大街", "和平路", "南门外大街", "西脑包大街"], region="nmg")
_d("dongsheng", "150602", "内蒙古自治区", "鄂尔多斯市", "东胜区", "东胜", None, "0477", 7,
   ["鄂尔多斯大街", "伊金霍洛西街", "天骄路", "达拉特南路", "宝日陶亥街"], region="nmg")
_d("kangbashi", "150603", "内蒙古自治区", "鄂尔多斯市", "康巴什区", "康巴什", ["康巴什新区"], "0477", 7,
   ["乌兰木伦街", "康宁路", "青春山路", "北区大街"], region="nmg", weight=0.7)
_d("dalate", "150621", "内蒙古自治区", "鄂尔多斯市", "达拉特旗", "达旗", None, "0477", 7,
   ["达拉特路"], towns=["树林召镇", "王爱召镇", "恩格贝镇", "中和西镇"], kind="rural", region="nmg", weight=0.6)
_d("hongshan", "150402", "内蒙古自治区", "赤峰市", "红山区", "红山", None, "0476", 7,
   ["哈达街", "钢铁街", "长青街", "昭乌达路", "新华路"], region="nmg")
# ---- 云南
_d("dalishi", "532901", "云南省", "大理白族自治州", "大理市", None, ["下关"], "0872", 7,
   ["人民南路", "建设路", "龙山路", "苍山路", "泰安路", "洱河南路"], region="yn")
_d("jinghong", "532801", "云南省", "西双版纳傣族自治州", "景洪市", "景洪", ["版纳"], "0691", 7,
   ["宣慰大道", "勐泐大道", "嘎兰中路", "曼听路", "民航路", "勐海路"], region="yn", weight=1.2)
_d("menghai", "532822", "云南省", "西双版纳傣族自治州", "勐海县", "勐海", None, "0691", 7,
   ["象山路"], towns=["勐海镇", "勐遮镇", "打洛镇", "勐混镇"], kind="rural", region="yn", weight=0.6)
# ---- 河北
_d("guangyang", "131003", "河北省", "廊坊市", "广阳区", "广阳", None, "0316", 7,
   ["新华路", "和平路", "金光道", "爱民东道", "解放道"], region="hb")
_d("anci", "131002", "河北省", "廊坊市", "安次区", "安次", None, "0316", 7,
   ["永兴路", "银河南路", "光明西道", "常甫路"], region="hb", weight=0.7)
_d("sanhe", "131082", "河北省", "廊坊市", "三河市", "三河", ["燕郊开发区", "燕郊高新区", "燕郊"], "0316", 7,
   ["迎宾路", "燕顺路", "学院街", "神威北路", "福成大街"], region="hb", weight=1.3)   # homes are in 燕郊镇
_d("lubei", "130203", "河北省", "唐山市", "路北区", "路北", None, "0315", 7,
   ["建设路", "新华道", "龙泽路", "长宁道", "北新道"], region="hb")
# ---- 北京 (workplaces of 燕郊 commuters only)
_d("bj_chaoyang", "110105", "北京市", "", "朝阳区", None, None, "010", 8,
   ["建国路", "东三环中路", "光华路", "朝阳北路"], region="bj", weight=0.0)
_d("bj_tongzhou", "110112", "北京市", "", "通州区", "通州", None, "010", 8,
   ["新华大街", "玉带河大街", "运河东大街"], region="bj", weight=0.0)

HOME_KEYS = [k for k, v in D.items() if v["weight"] > 0]

# hukou-only counties (ID region codes of migrants): code, prov, city, county
HUKOU_ONLY = [
    ("520330", "贵州省", "遵义市", "习水县"), ("620422", "甘肃省", "白银市", "会宁县"), ("411525", "河南省", "信阳市", "固始县"),
    ("230126", "黑龙江省", "哈尔滨市", "巴彦县"), ("150526", "内蒙古自治区", "通辽市", "扎鲁特旗"),
    ("500235", "重庆市", "", "云阳县"), ("130425", "河北省", "邯郸市", "大名县"), ("532923", "云南省", "大理白族自治州", "祥云县"),
]
HUKOU_VILLAGES = ["和平村", "新农村", "红星村", "前进村", "太平村", "长胜村", "团结村", "永丰村"]

# courts: key, name, case prefix, districts served
COURTS = [
    ("yubei", "重庆市渝北区人民法院", "渝0112", ["yubei", "jiangbei"]),
    ("jiulongpo", "重庆市九龙坡区人民法院", "渝0107", ["jiulongpo", "shapingba", "yuzhong", "nanan"]),
    ("cq5", "重庆市第五中级人民法院", "渝05", ["yuzhong", "nanan", "jiulongpo", "qijiang"]),
    ("youyang", "酉阳土家族苗族自治县人民法院", "渝0242", ["youyang", "qijiang"]),
    ("ranghulu", "大庆市让胡路区人民法院", "黑0604", ["ranghulu", "saertu", "longfeng", "linidian"]),
    ("longsha", "齐齐哈尔市龙沙区人民法院", "黑0202", ["longsha", "jianhua"]),
    ("kundulun", "包头市昆都仑区人民法院", "蒙0203", ["kundulun", "qingshan", "donghe"]),
    ("dongsheng", "鄂尔多斯市东胜区人民法院", "蒙0602", ["dongsheng", "kangbashi", "dalate"]),
    ("hongshan", "赤峰市红山区人民法院", "蒙0402", ["hongshan"]),
    ("dali", "大理市人民法院", "云2901", ["dalishi"]),
    ("jinghong", "景洪市人民法院", "云2801", ["jinghong", "menghai"]),
    ("sanhe", "三河市人民法院", "冀1082", ["sanhe"]),
    ("guangyang", "廊坊市广阳区人民法院", "冀1003", ["guangyang", "anci", "lubei"]),
]
# roster files: name, courts, (bom, lineterm, quote_all, extra_column)
ROSTER_FILES = [
    ("yufy", ["yubei", "jiulongpo", "cq5", "youyang"], dict(bom=True, lt="\r\n", quote_all=False, extra=False)),
    ("heify", ["ranghulu", "longsha"], dict(bom=False, lt="\n", quote_all=False, extra=False)),
    ("mengfy", ["kundulun", "dongsheng", "hongshan"], dict(bom=True, lt="\r\n", quote_all=False, extra=True)),
    ("dianfy", ["dali", "jinghong"], dict(bom=False, lt="\r\n", quote_all=True, extra=False)),
    ("jify", ["sanhe", "guangyang"], dict(bom=True, lt="\n", quote_all=False, extra=False)),
]

ESTATE_A = ["金色", "阳光", "锦绣", "翠湖", "和谐", "龙湖", "碧水", "融汇", "山水", "滨江", "紫薇", "天骄", "铁人", "石油",
            "钢城", "草原", "苍山", "傣乡", "燕京", "福成", "君悦", "世纪", "星河", "书香", "御景", "春晓", "鹿港", "长青"]
ESTATE_B = ["港湾", "水岸", "家园", "花园", "新城", "雅苑", "名都", "佳园", "丽景", "华府", "新村", "小区", "公寓", "嘉园",
            "半岛", "国际", "明珠", "壹号"]
TOWER_A = ["环球", "时代", "国贸", "金融", "世纪", "财富", "汇景", "嘉发", "联合", "石化", "鹿城", "北方", "星光", "瑞丰"]
TOWER_B = ["大厦", "中心", "广场", "写字楼", "国际大厦"]
COMPANY_A = ["鑫源", "宏达", "恒泰", "金桥", "瑞丰", "德胜", "华运", "盛通", "龙腾", "天顺", "北辰", "永利", "佳禾", "广源",
             "鼎新", "远航", "伊泰", "蒙达", "兴安", "澜沧"]
COMPANY_B = ["商贸有限公司", "建材有限公司", "机械有限公司", "物流有限公司", "石油技术服务有限公司", "餐饮管理有限公司",
             "装饰工程有限公司", "茶业有限公司", "煤业有限公司", "电子科技有限公司"]
MARKETS = {"yuzhong": "朝天门大正商场", "jiulongpo": "杨家坪步行街商场", "saertu": "大庆百货批发市场",
           "kundulun": "包头友谊商城", "dongsheng": "东胜华研批发市场", "jinghong": "景洪勐泐茶叶市场",
           "dalishi": "下关建设路农贸市场", "sanhe": "燕郊福成商业街", "longsha": "齐齐哈尔中环商城", "nanan": "南坪万达商场"}
LOCKERS = ["丰巢快递柜", "菜鸟驿站", "兔喜生活", "妈妈驿站", "中邮驿站", "速递易", "京东快递柜"]
SHOP_PICKUP = ["红旗超市", "便民超市", "诚信超市", "利群便利店", "小卖部"]

SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段") + ["欧阳", "司马", "上官"]
SUR_WEIGHTS = None
GIVEN_M = list("伟强军磊勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣博文东建国庆春海")
GIVEN_F = list("芳娜敏静丽艳娟霞燕玲婷雪慧莹红梅琳颖倩洁兰凤英秀云霞萍晶月欣佳")
COMMON_GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "桂英",
                "建国", "建华", "国庆", "海燕", "春梅", "志强", "玉兰", "凤兰", "淑珍", "丽娟"]
RARE_GIVEN = ["𬌗", "䶮", "堃", "犇", "喆", "昇"]   # the first two need GB18030's four-byte sequences
MONGOL_M = ["巴特尔", "额尔敦", "那仁", "宝音", "朝鲁", "阿拉坦", "孟和", "巴雅尔", "特木尔", "苏和", "宝力道", "满都拉"]
MONGOL_F = ["乌云", "其其格", "苏日娜", "格日勒", "敖登", "图雅", "萨仁", "哈斯", "斯琴", "乌兰", "娜仁花", "吉日格拉"]
MONGOL_VARIANTS = {"巴特尔": ["巴特儿", "巴图尔"], "额尔敦": ["额尔顿"], "那仁": ["纳仁"], "朝鲁": ["朝洛"], "特木尔": ["铁木尔", "特穆尔"],
                   "其其格": ["琪琪格"], "苏日娜": ["苏日那"], "萨仁": ["萨日"], "乌云": ["乌云娜"], "孟和": ["蒙和"]}
MONGOL_SURNAMES = ["包", "白", "韩", "鲍", "吴", "王"]
DAI_M = ["岩温", "岩香", "岩罕", "岩光", "岩庄", "岩坎", "岩叫", "岩应", "岩扁", "岩帕"]
DAI_F = ["玉罕", "玉香", "玉应", "玉南", "玉儿", "玉喃", "玉光", "玉叫", "玉波", "玉拉"]
DAI_VILLAGES = ["曼袄村", "曼短村", "曼迈村", "曼贺村", "曼景村", "曼真村", "曼弄村", "曼嘎村"]
VILLAGE_A = ["红旗", "永安", "胜利", "新民", "大兴", "长青", "太平", "和平", "双河", "石桥", "青龙", "白马", "建设", "柳树"]
GACHA = ["乌兰", "查干", "巴彦", "哈沙图", "阿腾", "布尔陶亥", "沙日"]   # 嘎查 (a Mongolian village)

PINYIN = {
    "王": "wang", "李": "li", "张": "zhang", "刘": "liu", "陈": "chen", "杨": "yang", "赵": "zhao", "黄": "huang", "周": "zhou",
    "吴": "wu", "徐": "xu", "孙": "sun", "胡": "hu", "朱": "zhu", "高": "gao", "林": "lin", "何": "he", "郭": "guo", "马": "ma",
    "罗": "luo", "梁": "liang", "宋": "song", "郑": "zheng", "谢": "xie", "韩": "han", "唐": "tang", "冯": "feng", "于": "yu",
    "董": "dong", "萧": "xiao", "程": "cheng", "曹": "cao", "袁": "yuan", "邓": "deng", "许": "xu", "傅": "fu", "沈": "shen",
    "曾": "zeng", "彭": "peng", "吕": "lv", "苏": "su", "卢": "lu", "蒋": "jiang", "蔡": "cai", "贾": "jia", "丁": "ding",
    "魏": "wei", "薛": "xue", "叶": "ye", "阎": "yan", "余": "yu", "潘": "pan", "杜": "du", "戴": "dai", "夏": "xia",
    "钟": "zhong", "汪": "wang", "田": "tian", "任": "ren", "姜": "jiang", "范": "fan", "方": "fang", "石": "shi", "姚": "yao",
    "谭": "tan", "廖": "liao", "邹": "zou", "熊": "xiong", "金": "jin", "陆": "lu", "郝": "hao", "孔": "kong", "白": "bai",
    "崔": "cui", "康": "kang", "毛": "mao", "邱": "qiu", "秦": "qin", "江": "jiang", "史": "shi", "顾": "gu", "侯": "hou",
    "邵": "shao", "孟": "meng", "龙": "long", "万": "wan", "段": "duan", "欧阳": "ouyang", "司马": "sima", "上官": "shangguan",
    "伟": "wei", "强": "qiang", "军": "jun", "磊": "lei", "勇": "yong", "杰": "jie", "涛": "tao", "明": "ming", "超": "chao",
    "刚": "gang", "平": "ping", "辉": "hui", "鹏": "peng", "华": "hua", "飞": "fei", "鑫": "xin", "波": "bo", "斌": "bin",
    "宇": "yu", "浩": "hao", "凯": "kai", "健": "jian", "俊": "jun", "帆": "fan", "帅": "shuai", "旭": "xu", "宁": "ning",
    "欣": "xin", "博": "bo", "文": "wen", "东": "dong", "建": "jian", "国": "guo", "庆": "qing", "春": "chun", "海": "hai",
    "芳": "fang", "娜": "na", "敏": "min", "静": "jing", "丽": "li", "艳": "yan", "娟": "juan", "霞": "xia", "燕": "yan",
    "玲": "ling", "婷": "ting", "雪": "xue", "慧": "hui", "莹": "ying", "红": "hong", "梅": "mei", "琳": "lin", "颖": "ying",
    "倩": "qian", "洁": "jie", "兰": "lan", "凤": "feng", "英": "ying", "秀": "xiu", "云": "yun", "萍": "ping", "晶": "jing",
    "月": "yue", "佳": "jia", "洋": "yang", "桂": "gui", "志": "zhi", "玉": "yu", "淑": "shu", "珍": "zhen", "堃": "kun",
    "犇": "ben", "喆": "zhe", "昇": "sheng", "䶮": "yan", "𬌗": "he",
}
TRAD = dict(zip("张刘陈杨赵黄吴孙马罗郑谢韩冯邓许苏卢蒋贾叶阎钟汪谭邹陆顾万伟华军红丽国强兰凤龙东杰涛宁辉鹏刚飞云艳庆宝荣静娟颖莹凯帅鑫洁倩玲梅燕萍晶欣",
                "張劉陳楊趙黃吳孫馬羅鄭謝韓馮鄧許蘇盧蔣賈葉閻鍾汪譚鄒陸顧萬偉華軍紅麗國強蘭鳳龍東傑濤寧輝鵬剛飛雲艷慶寶榮靜娟穎瑩凱帥鑫潔倩玲梅燕萍晶欣"))
HOMOPHONE = {"伟": "玮", "静": "婧", "敏": "民", "丽": "莉", "强": "墙", "军": "君", "芳": "方", "娜": "那", "杰": "洁", "明": "铭", "华": "化", "勇": "永"}

CATS_ORDINARY = ["家居日用", "食品生鲜", "服装鞋帽", "母婴用品", "数码配件", "美妆个护", "五金工具", "图书文具", "宠物用品", "茶叶",
                 "牛羊肉", "东北大米", "火锅底料", "汽车用品", "教育培训", "火车票", "快捷酒店", "箱包配件"]
CATS_RESTRICTED = ["机票", "星级酒店住宿", "高铁一等座", "高铁商务座", "高尔夫球场", "旅游度假", "私立学校学费"]
RESTRICTED = set(CATS_RESTRICTED)
