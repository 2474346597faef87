# seed.py: builds the demo tenant: users (about 85% active, 8% admins, 30% Traditional Chinese names), access
# levels, groups, companies, projects, tasks and issues. Deterministic for a given --seed: the same IDs, names and
# flags every time; dates are relative to the UTC day of seeding. 50,000 users take a few seconds.
# Spread evenly through the directory, the people of _WORLD_PEOPLE carry names in every script the page must
# draw (CJK Extension A/B and compatibility ideographs, bopomofo, kana, Hangul, Thai, Hebrew, Arabic, Greek,
# Cyrillic with stress marks, Vietnamese, emoji): their rows keep the random flags and dates of their place.
import hashlib
import random
import secrets
import unicodedata

from . import schema, store
from .wfdate import format_wf, now_ms

DEMO_PASSWORD = "wfadmin-demo"
OWNER_ID = "00000000000000000000000000000a00"    # the system's Admin Email user: never deactivated
ADMIN_ID = "00000000000000000000000000000a01"
USER_ID = "00000000000000000000000000000a02"
SSO_ID = "00000000000000000000000000000a03"
OWNER_EMAIL = "owner@demo.example.com"
ADMIN_EMAIL = "admin@demo.example.com"
USER_EMAIL = "user@demo.example.com"
SSO_EMAIL = "sso@demo.example.com"
PBKDF2_ROUNDS = 20_000

_DAY = 86_400_000
_YEAR = 365 * _DAY

# (character, romanisation as used in Taiwan)
_ZH_SURNAMES = [("陳", "chen"), ("林", "lin"), ("黃", "huang"), ("張", "chang"), ("李", "lee"), ("王", "wang"),
                ("吳", "wu"), ("劉", "liu"), ("蔡", "tsai"), ("楊", "yang"), ("許", "hsu"), ("鄭", "cheng"),
                ("謝", "hsieh"), ("洪", "hung"), ("郭", "kuo"), ("邱", "chiu"), ("曾", "tseng"), ("廖", "liao"),
                ("賴", "lai"), ("周", "chou"), ("葉", "yeh"), ("蘇", "su"), ("莊", "chuang"), ("呂", "lu")]
_ZH_GIVEN = [("怡君", "yichun"), ("志豪", "chihhao"), ("雅婷", "yating"), ("家豪", "chiahao"), ("淑芬", "shufen"),
             ("冠宇", "kuanyu"), ("宗翰", "tsunghan"), ("佳穎", "chiaying"), ("俊傑", "chunchieh"),
             ("詩涵", "shihhan"), ("承恩", "chengen"), ("美玲", "meiling"), ("建宏", "chienhung"),
             ("欣怡", "hsinyi"), ("柏翰", "pohan"), ("雅雯", "yawen"), ("子豪", "tzuhao"), ("惠雯", "huiwen"),
             ("信宏", "hsinhung"), ("思妤", "ssuyu"), ("宇軒", "yuhsuan"), ("品妍", "pinyen"), ("彥廷", "yenting"),
             ("郁婷", "yuting"), ("冠廷", "kuanting"), ("靜怡", "chingyi"), ("志明", "chihming"), ("春嬌", "chunchiao")]
_LATIN_FIRST = ["Anna", "José", "François", "Zoë", "Liam", "Olivia", "Noah", "Emma", "Søren", "Ingrid", "Łukasz",
                "Chloé", "Mateo", "Sofía", "Jürgen", "Amélie", "Björn", "Renée", "Tomás", "Ana", "James", "Mary",
                "Robert", "Patricia", "Michael", "Linda", "David", "Barbara", "William", "Elizabeth", "Nuño",
                "Inès", "Håkon", "Dagný", "Ciarán", "Siobhán", "Ayşe", "Mehmet", "Priya", "Kenji"]
_LATIN_LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "García", "Miller", "Davis", "Rodríguez",
               "Martínez", "Müller", "Schröder", "Ångström", "Núñez", "O'Brien", "Dubois", "Lefèvre", "Kowalski",
               "Nowak", "Rossi", "Bianchi", "Van der Berg", "Nguyễn", "Yılmaz", "Öztürk", "Fernández", "Pérez",
               "Lindqvist", "Thompson", "White", "Harris", "Martin", "Clark", "Lewis", "Walker", "Young"]
# (full name, first name, last name, ASCII first, ASCII last for the email, title or None)
_WORLD_PEOPLE = [
    ("林堃", "堃", "林", "kun", "lin", "工程師"),
    ("劉翊宥", "翊宥", "劉", "yiyu", "liu", "設計師"),
    ("林翊安", "翊安", "林", "yian", "lin", None),
    ("謝𡘙", "𡘙", "謝", "hsieh", "x", "分析師"),            # Extension B
    ("張鈺婷", "鈺婷", "張", "yuting", "chang", "專案經理"),
    ("張玉婷", "玉婷", "張", "yuting", "chang", "行銷專員"),
    ("陳䶮", "䶮", "陳", "yen", "chen", None),               # Extension A
    ("黃𠀋明", "𠀋明", "黃", "ming", "huang", "主任"),
    ("\uF9E1小龍", "小龍", "\uF9E1", "hsiaolung", "lee", "Director"),   # compatibility ideograph 李
    ("王羣", "羣", "王", "chun", "wang", "業務經理"),
    ("蔡峯", "峯", "蔡", "feng", "tsai", None),
    ("郭ㄚ珠", "ㄚ珠", "郭", "azhu", "kuo", "注音輸入 ㄅㄆㄇㄈ 講師"),   # bopomofo
    ("佐藤さくら", "さくら", "佐藤", "sakura", "sato", "デザイナー"),
    ("田中ハルト", "ハルト", "田中", "haruto", "tanaka", "エンジニア"),
    ("山田 ﾀﾛｳ", "ﾀﾛｳ", "山田", "taro", "yamada", None),        # half-width katakana
    ("鈴木 一郎", "一郎", "鈴木", "ichiro", "suzuki", "プロデューサー"),
    ("김민준", "민준", "김", "minjun", "kim", "디자이너"),
    ("이서연", "서연", "이", "seoyeon", "lee", "엔지니어"),
    ("박지훈", "지훈", "박", "jihoon", "park", None),
    ("สมชาย ใจดี", "สมชาย", "ใจดี", "somchai", "jaidee", "นักออกแบบ"),
    ("นภัส ศรีสุข", "นภัส", "ศรีสุข", "napat", "srisuk", None),
    ("נועה כהן", "נועה", "כהן", "noa", "cohen", "מעצבת"),
    ("אריאל לוי", "אריאל", "לוי", "ariel", "levi", None),
    ("فاطمة الزهراء", "فاطمة", "الزهراء", "fatima", "alzahraa", "مهندسة"),
    ("محمد علي", "محمد", "علي", "mohammed", "ali", None),
    ("Γιώργος Παπαδόπουλος", "Γιώργος", "Παπαδόπουλος", "giorgos", "papadopoulos", "Μηχανικός"),
    ("Ελένη Οικονόμου", "Ελένη", "Οικονόμου", "eleni", "oikonomou", None),
    ("Арсе\u0301ний Смирно\u0301в", "Арсе\u0301ний", "Смирно\u0301в", "arseny", "smirnov", "Инженер"),
    ("Ната\u0301лья Ивано\u0301ва", "Ната\u0301лья", "Ивано\u0301ва", "natalya", "ivanova", None),
    ("Ярослав Їжакевич", "Ярослав", "Їжакевич", "yaroslav", "yizhakevych", "Дизайнер"),
    ("Zoë Lefèvre", "Zoë", "Lefèvre", "zoe", "lefevre", "Designer"),
    ("Zoe\u0308 Martin", "Zoe\u0308", "Martin", "zoe", "martin", None),     # decomposed diaeresis
    ("Amélie Clark", "Amélie", "Clark", "amelie", "clark", "Account Manager"),
    ("Nguyễn Thị Minh Khai", "Minh Khai", "Nguyễn Thị", "minhkhai", "nguyen", "Analyst"),
    ("Ștefan Dumitrescu", "Ștefan", "Dumitrescu", "stefan", "dumitrescu", None),
    ("Đorđe Petrović", "Đorđe", "Petrović", "djordje", "petrovic", "Engineer"),
    ("Łucja Żółć", "Łucja", "Żółć", "lucja", "zolc", None),
    ("Mia 🌸 Chen", "Mia", "Chen", "mia", "chen", "Chief Happiness Officer 😀"),
    ("Alex 🚀 Rivera", "Alex", "Rivera", "alex", "rivera", "Launch Lead 🎉"),
    ("Sam 👍 Okafor", "Sam", "Okafor", "sam", "okafor", None),
    ("ნინო ბერიძე", "ნინო", "ბერიძე", "nino", "beridze", None),               # Georgian
    ("Նարեկ Պետրոսյան", "Նարեկ", "Պետրոսյան", "narek", "petrosyan", None),   # Armenian
    ("प्रिया शर्मा", "प्रिया", "शर्मा", "priya", "sharma", "Consultant"),       # Devanagari
    ("陳怡君", "怡君", "陳", "yichun", "chen", "工程師"),
    ("林志豪", "志豪", "林", "chihhao", "lin", None),
    ("吳淑芬", "淑芬", "吳", "shufen", "wu", "分析師"),
    ("鄭宗翰", "宗翰", "鄭", "tsunghan", "cheng", None),
    ("許詩涵", "詩涵", "許", "shihhan", "hsu", "設計師"),
    ("楊承恩", "承恩", "楊", "chengen", "yang", None),
    ("邱靖雯", "靖雯", "邱", "chingwen", "chiu", "主任"),
    ("曾筱涵", "筱涵", "曾", "hsiaohan", "tseng", None),
    ("廖崇佑", "崇佑", "廖", "chungyu", "liao", "工程師"),
    ("賴昱廷", "昱廷", "賴", "yuting", "lai", None),
    ("周湘昀", "湘昀", "周", "hsiangyun", "chou", "行銷專員"),
    ("葉姵妤", "姵妤", "葉", "peiyu", "yeh", None),
    ("蘇祐霆", "祐霆", "蘇", "yuting", "su", None),
    ("莊喆", "喆", "莊", "che", "chuang", "分析師"),
    ("呂珮瑜", "珮瑜", "呂", "peiyu", "lu", None),
    ("洪瑋琳", "瑋琳", "洪", "weilin", "hung", None),
    ("游堉璿", "堉璿", "游", "yuhsuan", "yu", "設計師"),
    ("Søren Ångström", "Søren", "Ångström", "soren", "angstrom", None),
    ("Siobhán Ní Bhriain", "Siobhán", "Ní Bhriain", "siobhan", "nibhriain", "Producer"),
    ("Ayşe Yılmaz", "Ayşe", "Yılmaz", "ayse", "yilmaz", None),
]
_TITLES = ["Project Manager", "Designer", "Engineer", "Analyst", "Marketing Specialist", "Account Manager",
           "Producer", "Copywriter", "Director", "Coordinator", "Consultant", None]
_ZH_TITLES = ["專案經理", "設計師", "工程師", "分析師", "行銷專員", "業務經理", "主任", None]
_ACCESS_LEVELS = [  # (key, name, description, licenseType, isAdmin)
    ("sysadmin", "System Administrator", "Full access to everything", "F", 1),
    ("planner", "Planner", "Plans and manages work", "F", 0),
    ("worker", "Worker", "Works on tasks and issues", "W", 0),
    ("reviewer", "Reviewer", "Reviews and approves", "R", 0),
    ("light", "Light", "Views and requests", "L", 0),
]
_LICENSE_LEVEL = {"F": "planner", "W": "worker", "R": "reviewer", "L": "light"}
_GROUPS = ["Marketing", "Engineering", "Creative", "Finance", "Operations", "台北辦公室", "新竹研發中心",
           "Sales EMEA", "Support"]
_COMPANIES = ["Demo Corp", "Demo Agency GmbH", "示範股份有限公司"]
_WORK_WORDS = ["Review", "Draft", "Approve", "Launch", "Design", "Plan", "Test", "Publish", "Translate", "Audit"]
_WORK_NOUNS = ["budget", "banner", "campaign brief", "landing page", "press release", "QA checklist", "月報",
               "產品型錄", "video cut", "contract"]
_TASK_STATUS = ["NEW", "INP", "CPL", "CPL"]
_ISSUE_STATUS = ["NEW", "INP", "CLS", "CPL"]
_PROJ_STATUS = ["CUR", "CUR", "PLN", "CPL", "ONH", "DED"]


def make_id(seed, kind, i):
    return hashlib.blake2b(("wfadmin-demo:%s:%s:%s" % (seed, kind, i)).encode(), digest_size=16).hexdigest()


def hash_password(password, salt):
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, PBKDF2_ROUNDS)


def _ascii(text):
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(ch for ch in folded if ch.isalnum())


class _Emails:
    """Unique ASCII addresses: the second "anna.smith" becomes "anna.smith2"."""

    def __init__(self, taken):
        self.seen = {t.split("@")[0]: 1 for t in taken}

    def make(self, first, last):
        local = "%s.%s" % (first, last)
        n = self.seen.get(local, 0) + 1
        self.seen[local] = n
        return "%s%s@demo.example.com" % (local, n if n > 1 else "")


def _columns(obj):
    return list(obj.fields)


def _insert(conn, obj, rows):
    cols = _columns(obj)
    dates = [c for c in cols if obj.fields[c] == schema.DATE]
    for r in rows:
        for c in dates:
            r[c] = format_wf(r.get(c))
    conn.executemany("INSERT INTO %s (%s) VALUES (%s)" % (obj.table, ",".join(cols), ",".join("?" * len(cols))),
                     ([r.get(c) for c in cols] for r in rows))


def _special_users(level_ids, group_ids, company_id, today):
    base = {"homeGroupID": group_ids[0], "companyID": company_id, "managerID": None, "isActive": 1,
            "licenseType": "F", "entryDate": today - 4 * _YEAR, "lastUpdateDate": today - 4 * _YEAR,
            "locale": "en_US"}
    people = [
        (OWNER_ID, "Olivia", "Owner", OWNER_EMAIL, "Workfront Owner", True, False, 2 * _DAY, 312),
        (ADMIN_ID, "Alex", "Admin", ADMIN_EMAIL, "IT Administrator", True, False, _DAY // 2, 1288),
        (USER_ID, "Uma", "User", USER_EMAIL, "Designer", False, False, 3 * _DAY, 86),
        (SSO_ID, "Sam", "Single-Sign-On", SSO_EMAIL, "Security Administrator", True, True, 5 * _DAY, 401),
    ]
    rows = []
    for uid, first, last, email, title, admin, sso, ago, logins in people:
        row = dict(base, ID=uid, name="%s %s" % (first, last), firstName=first, lastName=last, username=email,
                   emailAddr=email, title=title, isAdmin=int(admin), ssoAccessOnly=int(sso),
                   accessLevelID=level_ids["sysadmin" if admin else "worker"], lastLoginDate=today - ago,
                   loginCount=logins)
        if not admin:
            row["licenseType"] = "W"
        rows.append(row)
    return rows


def _world_person_at(i, n_users):
    """The _WORLD_PEOPLE entry that takes user number i's place, or None."""
    step = max(1, (n_users - 4) // len(_WORLD_PEOPLE))
    k, rest = divmod(i - 4, step)
    return _WORLD_PEOPLE[k] if rest == 0 and k < len(_WORLD_PEOPLE) else None


def _random_user(rng, seed, i, emails, level_ids, group_ids, company_ids, manager_pool, today, person=None):
    # The random draws happen for a world person too, so that every other user is the same with or without them.
    if rng.random() < 0.30:
        (zh_last, py_last), (zh_first, py_first) = rng.choice(_ZH_SURNAMES), rng.choice(_ZH_GIVEN)
        first, last, name = zh_first, zh_last, zh_last + zh_first
        email_parts = (py_first, py_last)
        title, locale = rng.choice(_ZH_TITLES), "zh_TW"
    else:
        first, last = rng.choice(_LATIN_FIRST), rng.choice(_LATIN_LAST)
        name = "%s %s" % (first, last)
        email_parts = (_ascii(first), _ascii(last))
        title, locale = rng.choice(_TITLES), "en_US"
    if person:
        name, first, last, ascii_first, ascii_last, title = person
        email_parts = (ascii_first, ascii_last)
        locale = "zh_TW" if any("\u3400" <= ch <= "\u9fff" or ord(ch) > 0xFFFF for ch in name) else "en_US"
    email = emails.make(*email_parts)
    active = rng.random() < 0.85
    admin = rng.random() < 0.08
    if rng.random() < 0.07:
        last_login, logins = None, 0
    else:
        # Inactive people tend to have left a while ago.
        span = 4 * _YEAR if not active else (2 * _YEAR if rng.random() < 0.2 else 120 * _DAY)
        last_login, logins = today - rng.randrange(span), rng.randrange(1, 2500)
    entry = (last_login or today) - rng.randrange(3 * _YEAR)
    license_type = "F" if admin else rng.choices("FWRL", (20, 35, 30, 15))[0]
    return {"ID": make_id(seed, "user", i), "name": name, "firstName": first, "lastName": last,
            "username": email, "emailAddr": email, "isActive": int(active), "isAdmin": int(admin),
            "lastLoginDate": last_login, "loginCount": logins, "title": title,
            "accessLevelID": level_ids["sysadmin" if admin else _LICENSE_LEVEL[license_type]],
            "licenseType": license_type, "homeGroupID": rng.choice(group_ids), "companyID": rng.choice(company_ids),
            "managerID": rng.choice(manager_pool) if rng.random() < 0.8 else None,
            "ssoAccessOnly": int(rng.random() < 0.10), "entryDate": entry, "lastUpdateDate": entry,
            "locale": locale}


def _work(rng, seed, kind, i, statuses, assignee, project_id, today):
    entry = today - rng.randrange(2 * _YEAR)
    return {"ID": make_id(seed, kind, i), "status": rng.choice(statuses), "assignedToID": assignee,
            "projectID": project_id, "entryDate": entry, "plannedCompletionDate": entry + rng.randrange(1, 180) * _DAY,
            "name": "%s %s #%d" % (rng.choice(_WORK_WORDS), rng.choice(_WORK_NOUNS), i + 1)}


def seed_database(st, n_users, seed):
    """Replaces everything in the store with a fresh tenant. Returns the SSO admin's API key."""
    n_users = max(int(n_users), 4)
    rng = random.Random(seed)
    today = now_ms() // _DAY * _DAY
    objs = schema.OBJECTS
    levels = [{"ID": make_id(seed, "acslvl", k), "name": n, "description": d, "licenseType": lt, "isAdmin": a}
              for k, n, d, lt, a in _ACCESS_LEVELS]
    level_ids = {k: lvl["ID"] for (k, *_), lvl in zip(_ACCESS_LEVELS, levels)}
    groups = [{"ID": make_id(seed, "group", i), "name": g, "description": "%s team" % g} for i, g in enumerate(_GROUPS)]
    companies = [{"ID": make_id(seed, "cmpy", i), "name": c} for i, c in enumerate(_COMPANIES)]
    group_ids = [g["ID"] for g in groups]
    company_ids = [c["ID"] for c in companies]

    users = _special_users(level_ids, group_ids, company_ids[0], today)
    emails = _Emails([u["emailAddr"] for u in users])
    manager_pool = [ADMIN_ID, OWNER_ID]
    for i in range(4, n_users):
        user = _random_user(rng, seed, i, emails, level_ids, group_ids, company_ids, manager_pool, today,
                            _world_person_at(i, n_users))
        users.append(user)
        if len(manager_pool) < 300 and user["isActive"] and rng.random() < 0.05:
            manager_pool.append(user["ID"])

    user_ids = [u["ID"] for u in users]
    projects = []
    for i in range(max(3, n_users // 10)):
        entry = today - rng.randrange(2 * _YEAR)
        projects.append({"ID": make_id(seed, "proj", i), "name": "%s %s" % (rng.choice(_WORK_NOUNS).title(), 2020 + i % 7),
                         "status": rng.choice(_PROJ_STATUS), "ownerID": rng.choice(user_ids), "entryDate": entry,
                         "plannedCompletionDate": entry + rng.randrange(30, 400) * _DAY})
    project_ids = [p["ID"] for p in projects]
    tasks, issues = [], []
    for uid in user_ids:
        for _ in range(rng.randrange(4)):
            tasks.append(_work(rng, seed, "task", len(tasks), _TASK_STATUS, uid, rng.choice(project_ids), today))
        if rng.random() < 0.5:
            issues.append(_work(rng, seed, "optask", len(issues), _ISSUE_STATUS, uid, rng.choice(project_ids), today))

    sso_key = secrets.token_hex(16)
    with st.write() as conn:
        for table in [o.table for o in objs.values()] + ["meta", "passwords", "api_keys", "sessions"]:
            conn.execute("DROP TABLE IF EXISTS %s" % table)
        store.create_tables(conn)
        for code, rows in (("ACSLVL", levels), ("GROUP", groups), ("CMPY", companies), ("USER", users),
                           ("PROJ", projects), ("TASK", tasks), ("OPTASK", issues)):
            _insert(conn, objs[code], rows)
        store.create_indexes(conn)
        for uid in (OWNER_ID, ADMIN_ID, USER_ID):   # the SSO admin has no password: SSO only
            salt = hashlib.blake2b(("salt:%s:%s" % (seed, uid)).encode(), digest_size=16).digest()
            conn.execute("INSERT INTO passwords VALUES (?,?,?)", (uid, salt, hash_password(DEMO_PASSWORD, salt)))
        # SSO-only admins cannot get a key with a password; this one has a key to paste, printed at start.
        conn.execute("INSERT INTO api_keys VALUES (?,?,?)", (SSO_ID, sso_key, now_ms()))
        conn.executemany("INSERT INTO meta VALUES (?,?)",
                         [("schema", store.SCHEMA_VERSION), ("seed", str(seed)), ("users", str(n_users)),
                          ("seeded", str(now_ms()))])
    return sso_key
