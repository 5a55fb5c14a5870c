//! Word lists for demo data: Kenyan names, towns with real coordinates, shop names, categories.

pub const FIRST_NAMES: &[&str] = &[
    "Wanjiku",
    "Achieng",
    "Kamau",
    "Otieno",
    "Njeri",
    "Mwangi",
    "Akinyi",
    "Kiprop",
    "Chebet",
    "Wafula",
    "Nafula",
    "Mutua",
    "Mumbua",
    "Omondi",
    "Atieno",
    "Kiplagat",
    "Jepkosgei",
    "Baraka",
    "Zawadi",
    "Amani",
    "Faith",
    "Brian",
    "Mercy",
    "Kevin",
    "Grace",
    "Dennis",
    "Purity",
    "Collins",
    "Esther",
    "Hassan",
    "Fatuma",
    "Juma",
    "Halima",
    "Salim",
    "Neema",
    "Tumaini",
    "Wambui",
    "Kariuki",
    "Moraa",
    "Nyaboke",
];

pub const SURNAMES: &[&str] = &[
    "Kamau",
    "Otieno",
    "Mwangi",
    "Odhiambo",
    "Kiprotich",
    "Wanjala",
    "Mutua",
    "Njoroge",
    "Ochieng",
    "Kipchumba",
    "Wekesa",
    "Nyambura",
    "Onyango",
    "Cheruiyot",
    "Maina",
    "Omondi",
    "Barasa",
    "Kilonzo",
    "Mohamed",
    "Ali",
    "Chepkoech",
    "Gitau",
    "Owino",
    "Rotich",
    "Simiyu",
    "Macharia",
    "Atieno",
    "Korir",
    "Nduta",
    "Mwende",
];

/// (county, towns, latitude, longitude) of the five demo cities.
pub const CITIES: &[(&str, &[&str], f64, f64)] = &[
    (
        "Nairobi",
        &[
            "Westlands",
            "Kilimani",
            "Eastleigh",
            "Kasarani",
            "Embakasi",
            "Karen",
            "Ngara",
        ],
        -1.2921,
        36.8219,
    ),
    (
        "Mombasa",
        &["Nyali", "Likoni", "Bamburi", "Old Town", "Kisauni"],
        -4.0435,
        39.6682,
    ),
    (
        "Kisumu",
        &["Milimani", "Kondele", "Nyalenda", "Mamboleo"],
        -0.0917,
        34.7680,
    ),
    (
        "Nakuru",
        &["Milimani", "Lanet", "Naka", "Section 58"],
        -0.3031,
        36.0800,
    ),
    (
        "Uasin Gishu",
        &["Eldoret Town", "Langas", "Kapsoya", "Elgon View"],
        0.5143,
        35.2698,
    ),
];

pub const SHOP_PREFIXES: &[&str] = &[
    "Mama", "Baraka", "Jua Kali", "Neema", "Tumaini", "Zawadi", "Amani", "Uhuru", "Pwani", "Bonde",
    "Lakeside", "Kilimo", "Nyota", "Jamii", "Upendo", "Mwangaza", "Safari", "Simba", "Twiga",
    "Faraja",
];

/// (shop suffix, business type)
pub const SHOP_KINDS: &[(&str, &str)] = &[
    ("Electronics", "electronics"),
    ("Fashions", "fashion"),
    ("Hardware", "hardware"),
    ("Groceries", "groceries"),
    ("Beauty Parlour & Shop", "beauty"),
    ("Furniture", "furniture"),
    ("Agrovet", "agriculture"),
    ("Books & Stationery", "books"),
    ("Mobile Accessories", "electronics"),
    ("Crafts", "crafts"),
];

/// (slug, English, Swahili, children as (slug, English, Swahili))
pub type CategorySpec = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

pub const CATEGORIES: &[CategorySpec] = &[
    (
        "electronics",
        "Electronics",
        "Vifaa vya elektroniki",
        &[
            ("phones", "Phones & Tablets", "Simu na tableti"),
            ("laptops", "Laptops & Computers", "Kompyuta"),
            ("tvs-audio", "TVs & Audio", "Televisheni na sauti"),
            ("phone-accessories", "Phone Accessories", "Vifaa vya simu"),
        ],
    ),
    (
        "fashion",
        "Fashion",
        "Mitindo",
        &[
            ("womens-clothing", "Women's Clothing", "Nguo za wanawake"),
            ("mens-clothing", "Men's Clothing", "Nguo za wanaume"),
            ("shoes", "Shoes", "Viatu"),
            ("kitenge-kanga", "Kitenge & Kanga", "Vitenge na kanga"),
        ],
    ),
    (
        "groceries",
        "Groceries",
        "Vyakula",
        &[
            ("flour", "Flour (Unga)", "Unga"),
            ("cereals", "Rice & Cereals", "Mchele na nafaka"),
            (
                "beverages",
                "Tea, Coffee & Drinks",
                "Chai, kahawa na vinywaji",
            ),
            ("cooking-oil", "Cooking Oil", "Mafuta ya kupikia"),
        ],
    ),
    (
        "home-kitchen",
        "Home & Kitchen",
        "Nyumbani na jikoni",
        &[
            ("cookware", "Cookware", "Vyombo vya kupikia"),
            ("furniture", "Furniture", "Samani"),
            ("bedding", "Bedding", "Matandiko"),
        ],
    ),
    (
        "health-beauty",
        "Health & Beauty",
        "Afya na urembo",
        &[
            ("hair-care", "Hair Care", "Utunzaji wa nywele"),
            ("skin-care", "Skin Care", "Utunzaji wa ngozi"),
        ],
    ),
    (
        "agriculture",
        "Agriculture",
        "Kilimo",
        &[
            ("seeds", "Seeds", "Mbegu"),
            ("fertiliser", "Fertiliser", "Mbolea"),
            ("farm-tools", "Farm Tools", "Zana za shambani"),
            ("animal-feeds", "Animal Feeds", "Chakula cha mifugo"),
        ],
    ),
    (
        "hardware",
        "Hardware & Building",
        "Vifaa vya ujenzi",
        &[
            ("cement", "Cement & Sand", "Saruji na mchanga"),
            ("paint", "Paint", "Rangi"),
            ("solar", "Solar & Electrical", "Sola na umeme"),
        ],
    ),
    (
        "books-stationery",
        "Books & Stationery",
        "Vitabu na vifaa vya kuandikia",
        &[
            ("school-books", "School Books", "Vitabu vya shule"),
            ("stationery", "Stationery", "Vifaa vya kuandikia"),
        ],
    ),
    ("baby-kids", "Baby & Kids", "Watoto", &[]),
    ("crafts", "Crafts & Art", "Sanaa na kazi za mikono", &[]),
];
