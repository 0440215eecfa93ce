"""Reference tables for foreign6: geography, names, vocabularies (all invented except admin names/codes)."""

# district: prov, prov_s, city, city_s, dist, dist_s (None = never abbreviated: name collides elsewhere),
# GB/T 2260 code, area code, postcode, kind (urban/rural), roads
D = [
    # 西藏
    dict(prov="西藏自治区", prov_s="西藏", city="拉萨市", city_s="拉萨", dist="城关区", dist_s=None, code="540102",
         area="0891", post="850000", kind="urban", roads=["北京中路", "江苏路", "林廓北路", "夺底路", "金珠西路", "纳金路"]),
    dict(prov="西藏自治区", prov_s="西藏", city="拉萨市", city_s="拉萨", dist="堆龙德庆区", dist_s="堆龙德庆", code="540103",
         area="0891", post="851400", kind="urban", roads=["青藏大道", "羊达路", "东嘎路"]),
    dict(prov="西藏自治区", prov_s="西藏", city="日喀则市", city_s="日喀则", dist="桑珠孜区", dist_s="桑珠孜", code="540202",
         area="0892", post="857000", kind="urban", roads=["珠峰路", "上海中路", "山东路", "吉林南路"]),
    dict(prov="西藏自治区", prov_s="西藏", city="拉萨市", city_s="拉萨", dist="林周县", dist_s="林周", code="540121",
         area="0891", post="851600", kind="rural", towns={"甘丹曲果镇": ["卡孜村", "加荣村", "松盘村"], "春堆乡": ["白朗村", "春堆村"]}),
    # 四川
    dict(prov="四川省", prov_s="四川", city="凉山彝族自治州", city_s="凉山州", dist="西昌市", dist_s="西昌", code="513401",
         area="0834", post="615000", kind="urban", roads=["航天大道", "三岔口南路", "长安东路", "胜利路", "海河路"]),
    dict(prov="四川省", prov_s="四川", city="德阳市", city_s="德阳", dist="旌阳区", dist_s="旌阳", code="510603",
         area="0838", post="618000", kind="urban", roads=["长江西路", "岷江西路", "泰山南路", "庐山南路"]),
    dict(prov="四川省", prov_s="四川", city="凉山彝族自治州", city_s="凉山州", dist="昭觉县", dist_s="昭觉", code="513431",
         area="0834", post="616150", kind="rural", towns={"新城镇": ["火普村", "谷曲村"], "竹核乡": ["木渣洛村", "竹核村"]}),
    # 湖南
    dict(prov="湖南省", prov_s="湖南", city="岳阳市", city_s="岳阳", dist="岳阳楼区", dist_s="岳阳楼", code="430602",
         area="0730", post="414000", kind="urban", roads=["巴陵中路", "洞庭南路", "岳阳大道", "金鹗中路", "五里牌路"]),
    dict(prov="湖南省", prov_s="湖南", city="岳阳市", city_s="岳阳", dist="平江县", dist_s="平江", code="430626",
         area="0730", post="414500", kind="rural", towns={"三阳乡": ["石坪村", "金坪村"], "安定镇": ["桃花村", "大桥村"]}),
    # 福建
    dict(prov="福建省", prov_s="福建", city="厦门市", city_s="厦门", dist="思明区", dist_s="思明", code="350203",
         area="0592", post="361001", kind="urban", roads=["厦禾路", "湖滨南路", "大同路", "中山路", "莲前西路"]),
    dict(prov="福建省", prov_s="福建", city="厦门市", city_s="厦门", dist="湖里区", dist_s="湖里", code="350206",
         area="0592", post="361006", kind="urban", roads=["仙岳路", "嘉禾路", "枋湖北二路", "安岭路"]),
    dict(prov="福建省", prov_s="福建", city="厦门市", city_s="厦门", dist="集美区", dist_s="集美", code="350211",
         area="0592", post="361021", kind="urban", roads=["集美大道", "杏林湾路", "乐海路"]),
    # 山东
    dict(prov="山东省", prov_s="山东", city="青岛市", city_s="青岛", dist="市南区", dist_s="市南", code="370202",
         area="0532", post="266071", kind="urban", roads=["香港中路", "延安三路", "南京路", "闽江路"]),
    dict(prov="山东省", prov_s="山东", city="青岛市", city_s="青岛", dist="市北区", dist_s="市北", code="370203",
         area="0532", post="266011", kind="urban", roads=["海泊路", "辽宁路", "台东一路", "延安路"]),
    dict(prov="山东省", prov_s="山东", city="青岛市", city_s="青岛", dist="黄岛区", dist_s="黄岛", code="370211",
         area="0532", post="266555", kind="urban", roads=["长江中路", "黄河东路", "井冈山路", "紫金山路"]),
    dict(prov="山东省", prov_s="山东", city="青岛市", city_s="青岛", dist="平度市", dist_s="平度", code="370283",
         area="0532", post="266700", kind="rural", towns={"南村镇": ["郭庄村", "洪兰村"], "明村镇": ["大田村", "西明村"]}),
    # 辽宁
    dict(prov="辽宁省", prov_s="辽宁", city="大连市", city_s="大连", dist="中山区", dist_s=None, code="210202",
         area="0411", post="116001", kind="urban", roads=["人民路", "解放路", "友好路"]),
    dict(prov="辽宁省", prov_s="辽宁", city="大连市", city_s="大连", dist="沙河口区", dist_s="沙河口", code="210204",
         area="0411", post="116021", kind="urban", roads=["西安路", "五四路", "黄河路", "中山路"]),
    dict(prov="辽宁省", prov_s="辽宁", city="大连市", city_s="大连", dist="甘井子区", dist_s="甘井子", code="210211",
         area="0411", post="116033", kind="urban", roads=["数码路", "红旗西路", "泉水路"]),
    dict(prov="辽宁省", prov_s="辽宁", city="大连市", city_s="大连", dist="庄河市", dist_s="庄河", code="210283",
         area="0411", post="116400", kind="rural", towns={"青堆镇": ["九圣村", "钓鱼台村"], "明阳街道": ["英华村"]}),
    # 广西
    dict(prov="广西壮族自治区", prov_s="广西", city="柳州市", city_s="柳州", dist="城中区", dist_s=None, code="450202",
         area="0772", post="545001", kind="urban", roads=["文昌路", "五一路", "中山中路"]),
    dict(prov="广西壮族自治区", prov_s="广西", city="柳州市", city_s="柳州", dist="柳南区", dist_s="柳南", code="450204",
         area="0772", post="545005", kind="urban", roads=["飞鹅路", "潭中西路", "柳石路", "航银路"]),
    dict(prov="广西壮族自治区", prov_s="广西", city="柳州市", city_s="柳州", dist="三江侗族自治县", dist_s="三江", code="450226",
         area="0772", post="545500", kind="rural", towns={"古宜镇": ["寨准村", "大竹村"], "林溪镇": ["程阳村", "平岩村"]}),
    dict(prov="广西壮族自治区", prov_s="广西", city="柳州市", city_s="柳州", dist="融水苗族自治县", dist_s="融水", code="450225",
         area="0772", post="545300", kind="rural", towns={"融水镇": ["新国村", "城东村"], "安陲乡": ["江门村"]}),
    # 湖北
    dict(prov="湖北省", prov_s="湖北", city="襄阳市", city_s="襄阳", dist="樊城区", dist_s="樊城", code="420606",
         area="0710", post="441001", kind="urban", roads=["长征路", "春园路", "人民路", "前进路"]),
    dict(prov="湖北省", prov_s="湖北", city="襄阳市", city_s="襄阳", dist="襄城区", dist_s="襄城", code="420602",
         area="0710", post="441021", kind="urban", roads=["檀溪路", "荆州街", "南街"]),
    dict(prov="湖北省", prov_s="湖北", city="襄阳市", city_s="襄阳", dist="谷城县", dist_s="谷城", code="420625",
         area="0710", post="441700", kind="rural", towns={"城关镇": ["东岳庙村", "格垒嘴村"], "石花镇": ["两河口村"]}),
    # 安徽
    dict(prov="安徽省", prov_s="安徽", city="芜湖市", city_s="芜湖", dist="镜湖区", dist_s="镜湖", code="340202",
         area="0553", post="241000", kind="urban", roads=["北京中路", "中山北路", "赭山路", "九华山路"]),
]
for i, d in enumerate(D):
    d["i"] = i
BY = {d["dist"] + d["city"]: d for d in D}
URBAN = [d for d in D if d["kind"] == "urban"]
RURAL = [d for d in D if d["kind"] == "rural"]
# rural county for each city's urban districts
CITY_RURAL = {}
for d in RURAL:
    CITY_RURAL.setdefault(d["city"], []).append(d)

# hukou counties outside the world's cities (migrants' origins); rural only
HUKOU_EXTRA = [
    dict(prov="福建省", prov_s="福建", city="泉州市", city_s="泉州", dist="安溪县", dist_s="安溪", code="350524",
         area="0595", post="362400", kind="rural", towns={"城厢镇": ["团结村", "砖文村"], "龙门镇": ["榜寨村"]}),
    dict(prov="安徽省", prov_s="安徽", city="芜湖市", city_s="芜湖", dist="无为市", dist_s="无为", code="340281",
         area="0553", post="238300", kind="rural", towns={"高沟镇": ["龙庵村", "西河村"], "襄安镇": ["马塘村"]}),
    dict(prov="四川省", prov_s="四川", city="凉山彝族自治州", city_s="凉山州", dist="会东县", dist_s="会东", code="513426",
         area="0834", post="615200", kind="rural", towns={"铅锌镇": ["新华村", "岔河村"]}),
    dict(prov="西藏自治区", prov_s="西藏", city="日喀则市", city_s="日喀则", dist="拉孜县", dist_s="拉孜", code="540225",
         area="0892", post="858100", kind="rural", towns={"曲下镇": ["查木村", "拉孜村"]}),
]
for i, d in enumerate(HUKOU_EXTRA):
    d["i"] = 100 + i

# courts: name, case-number code, district index of the seat, file prefix (roster export per province)
COURTS = [
    ("拉萨市城关区人民法院", "藏0102", 0, "zangfy"),
    ("日喀则市桑珠孜区人民法院", "藏0202", 2, "zangfy"),
    ("西昌市人民法院", "川3401", 4, "chuanfy"),
    ("德阳市旌阳区人民法院", "川0603", 5, "chuanfy"),
    ("岳阳市岳阳楼区人民法院", "湘0602", 7, "xiangfy"),
    ("厦门市思明区人民法院", "闽0203", 9, "minfy"),
    ("厦门市中级人民法院", "闽02", 9, "minfy"),
    ("青岛市黄岛区人民法院", "鲁0211", 14, "lufy"),
    ("大连市沙河口区人民法院", "辽0204", 17, "liaofy"),
    ("柳州市柳南区人民法院", "桂0204", 21, "guify"),
    ("襄阳市樊城区人民法院", "鄂0606", 24, "efy"),
    ("芜湖市镜湖区人民法院", "皖0202", 27, "wanfy"),
]

COMPOUND_A = ["雪域", "布达拉", "金珠", "海韵", "鹭江", "滨海", "星海", "柳江", "汉江", "翠屏", "邛海", "洞庭", "巴陵",
              "银滩", "观澜", "紫荆", "香榭", "阳光", "锦绣", "天润", "嘉禾", "鹿鸣", "碧桂", "和谐"]
COMPOUND_B = ["花园", "家园", "新村", "名都", "雅居", "苑", "公馆", "华府", "小区", "嘉园", "城"]
LI_NAMES = ["广兴里", "平康里", "福寿里", "三多里", "积厚里", "同和里"]
TOWER_A = ["国贸", "世贸", "金融", "天诚", "鑫源", "海天", "宏达", "环球", "时代", "中天", "万达"]
TOWER_B = ["大厦", "中心", "广场", "大楼"]
COMPANY = ["{a}人民医院", "{a}第三中学", "{a}物流有限公司", "{a}建材有限公司", "{a}大酒店", "{a}汽车销售服务有限公司", "{a}电子科技有限公司"]
MARKET = ["{a}农贸市场", "{a}小商品批发市场", "{a}服装城", "{a}建材市场", "{a}藏式工艺品市场"]
POIS = ["万达广场", "步行街", "人民公园", "体育中心", "火车站", "汽车客运站", "大润发", "沃尔玛", "市图书馆", "星巴克"]
TOURIST = ["布达拉宫广场", "大昭寺", "鼓浪屿", "栈桥", "星海广场", "岳阳楼景区", "邛海湿地公园", "方特东方神画"]

LOCKERS = ["丰巢快递柜", "丰巢智能柜", "菜鸟驿站", "多多驿站", "兔喜生活", "邮政快递驿站", "递易智能柜"]
GROUPBUY = ["团购自提点", "社区团购自提点", "优选自提点"]
SHOPS = ["便利店", "小卖部", "水果店", "烟酒店", "百货店"]
NOTES = ["（放门口）", "(放门口鞋柜)", "【到了打电话】", "（工作日白天家里没人）", "[周末送]", "（别按门铃，孩子睡觉）", "（敲门）"]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林郑梁谢唐许冯宋韩邓彭曹曾田萧潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文斌波辉鹏宇浩然欣怡子轩晨阳雪梅海燕立新春林丹婷琳慧颖俊峰凯琴倩飞鑫"
COMMON_GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "军", "勇", "建国", "秀英", "桂英", "志强", "丽", "强"]
PY = dict(zip("王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林郑梁谢唐许冯宋韩邓彭曹曾田萧潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文",
              "wang li zhang liu chen yang huang zhao wu zhou xu sun ma hu zhu guo he luo gao lin zheng liang xie tang xu feng song han deng peng cao zeng tian xiao pan yuan cai jiang yu yu du ye cheng wei su lv ding ren lu yao shen zhong jiang cui tan lu fan wang liao shi jin wei jia xia fu fang zou xiong bai meng qin qiu hou jiang yin xue yan duan lei long li shi tao he mao hao gu gong shao wan qin wu qian dai yan ou mo kong xiang chang tang kang yi qiao lai wen".split()))
PY.update(dict(zip("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文斌波辉鹏宇浩然欣怡子轩晨阳雪梅海燕立新春林丹婷琳慧颖俊峰凯琴倩飞鑫",
                   "wei fang na min jing li qiang lei jun yang yong yan jie juan tao ming chao xiu xia ping gang gui ying hua yu lan hong jian guo zhi wen bin bo hui peng yu hao ran xin yi zi xuan chen yang xue mei hai yan li xin chun lin dan ting lin hui ying jun feng kai qin qian fei xin".split())))
TIB = ["扎西", "次仁", "卓玛", "格桑", "达瓦", "尼玛", "拉姆", "央金", "旦增", "平措", "多吉", "白玛", "普布", "次旦", "德吉",
       "索朗", "边巴", "措姆", "曲珍", "罗布", "米玛", "巴桑", "强巴", "益西", "顿珠"]
TIB_PY = ["zhaxi", "ciren", "zhuoma", "gesang", "dawa", "nima", "lamu", "yangjin", "danzeng", "pingcuo", "duoji", "baima", "pubu",
          "cidan", "deji", "suolang", "bianba", "cuomu", "quzhen", "luobu", "mima", "basang", "qiangba", "yixi", "dunzhu"]
YI_S = ["吉克", "阿苏", "沙马", "马海", "俄木", "阿约", "吉伍", "曲比", "海来", "倮伍"]
YI_S_PY = ["jike", "asu", "shama", "mahai", "emu", "ayue", "jiwu", "qubi", "hailai", "luowu"]
YI_G = ["阿呷", "拉则", "伍各", "阿牛", "史色", "木果", "日哈", "尔古", "子莫", "阿依"]
YI_G_PY = ["aga", "laze", "wuge", "aniu", "shise", "muguo", "riha", "ergu", "zimo", "ayi"]
NICK = ["小{g}", "阿{g}", "{g}{g}", "老{s}", "宝宝", "亲爱的", "{s}哥", "{s}姐", "Tony", "Lisa", "Amy", "Kevin"]
TRAD = str.maketrans("号楼单元组区门东陈刘杨黄赵吴马张伟国华丽兰红强军涛鹏为苏罗龙叶邓郑谢冯萧韩钟", "號樓單元組區門東陳劉楊黃趙吳馬張偉國華麗蘭紅強軍濤鵬為蘇羅龍葉鄧鄭謝馮蕭韓鍾")
FW = str.maketrans("0123456789", "０１２３４５６７８９")
CN_NUM = "零一二三四五六七八九十"

ECOM_CATS = ["家居日用", "食品生鲜", "服饰鞋包", "母婴用品", "数码配件", "图书", "美妆个护", "家用电器", "宠物用品", "运动户外", "藏香", "茶叶"]
TRAVEL_RESTRICTED = ["机票", "星级酒店", "高铁票", "列车软卧", "旅游度假", "私立学校学费", "高尔夫球场"]
TRAVEL_OK = ["火车票", "经济型酒店", "汽车票", "教育培训", "景区门票"]
MERCHANTS = [("义乌市", "浙江省金华市义乌市福田街道商城大道{n}号", "0579"), ("广州市", "广东省广州市白云区机场路{n}号", "020"),
             ("成都市", "四川省成都市新都区物流大道{n}号", "028"), ("临沂市", "山东省临沂市兰山区批发城路{n}号", "0539"),
             ("武汉市", "湖北省武汉市东西湖区走马岭路{n}号", "027"), ("泉州市", "福建省泉州市晋江市陈埭镇{n}号", "0595")]
