//! People: person names in the text, clustered into entities.
//!
//! Contract: [`find`] returns entities whose `mentions` are the name mentions
//! (titles excluded, possessive "’s" excluded), every [`NameMention`] with its token
//! range, and the sorted list of all person-name spans. Organisations that can speak
//! ("CNN", "the Kremlin") become entities of kind `Organisation`; places and
//! sentence-initial common words are not people.
//!
//! How: capitalised runs of tokens (with initials and particles such as "van", "al")
//! are cut at speech verbs; leading titles ("Secretary of State", "Mr."), demonyms and
//! common words are stripped (titles give gender and role); what remains is a person
//! when there is evidence (a title, a known first name, a speech verb, two or more
//! unknown capitalised words), and single words join an entity by surname or first name.

use crate::text::{FastMap as HashMap, FastSet as HashSet};

use crate::lexicon;
use crate::model::{Entity, EntityKind, Gender, Mention, MentionKind, Place, PlaceKind, Span};
use crate::text::{Doc, FastMap, FastSet, TokenKind, WordSet};
use crate::{attribution, gazetteer};

/// One mention of a name, with its token range in [`Doc::tokens`].
#[derive(Clone, Debug, PartialEq)]
pub struct NameMention {
    /// The name, titles excluded.
    pub span: Span,
    /// The name with the titles and honorifics written before it ("Foreign Minister Ivo Marek").
    pub full: Span,
    /// Token range of `span`.
    pub first: usize,
    pub last: usize,
    /// Token index where `full` starts.
    pub full_first: usize,
    pub entity: usize,
}

impl NameMention {
    fn new(doc: &Doc, first: usize, last: usize, full_first: usize, entity: usize) -> NameMention {
        let span = Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end);
        NameMention { span, full: Span::new(doc.tokens[full_first].span.start, span.end), first, last, full_first, entity }
    }
}

pub struct People {
    pub entities: Vec<Entity>,
    /// For each sentence of the document: is it written in Title Case (a headline)?
    pub headlines: Vec<bool>,
    /// Every name mention of a person or organisation, sorted by start.
    pub mentions: Vec<NameMention>,
    /// Every person-name span, sorted by start.
    pub names: Vec<Span>,
}

impl People {
    /// The mention whose name ends at token `tok` (inclusive), if any.
    pub fn ending_at(&self, tok: usize) -> Option<&NameMention> {
        self.mentions.iter().find(|m| m.last == tok)
    }
    /// The mention whose full form (titles included) starts at token `tok`.
    pub fn starting_at(&self, tok: usize) -> Option<&NameMention> {
        self.mentions.iter().find(|m| m.full_first == tok || m.first == tok)
    }
}

/// Words of titles and roles written before a name ("Foreign Minister", "Secretary of State").
static TITLE_WORDS: WordSet = WordSet::new(&[
    "President", "Vice", "Prime", "Minister", "Secretary", "State", "Foreign", "Defense", "Defence", "Interior",
    "Finance", "Health", "Justice", "Home", "Chief", "Staff", "Senator", "Sen", "Rep", "Representative",
    "Congressman", "Congresswoman", "Gov", "Governor", "Mayor", "Judge", "Gen", "General", "Lt", "Lieutenant",
    "Col", "Colonel", "Maj", "Major", "Capt", "Captain", "Cmdr", "Commander", "Adm", "Admiral", "Sgt", "Sergeant",
    "Cpl", "Corporal", "Pvt", "Private", "Marshal", "Ambassador", "Envoy", "Special", "Chairman", "Chairwoman",
    "Chair", "Chancellor", "Premier", "Speaker", "Leader", "Deputy", "Acting", "Former", "Late", "Attorney",
    "Assistant", "Undersecretary", "Commissioner", "Inspector", "Detective", "Officer", "Sheriff", "Councillor",
    "Councilman", "Councilwoman", "Alderman", "Executive", "Director", "Coach", "Manager", "Striker", "Defender",
    "Midfielder", "Goalkeeper", "Cardinal", "Bishop", "Archbishop", "Rabbi", "Imam", "Ayatollah", "Emir", "Sultan",
    "Crown", "Minority", "Majority", "Whip", "Spokesman", "Spokeswoman", "Spokesperson", "Economy", "Trade",
    "Energy", "Education", "Agriculture", "Transport", "Labour", "Labor", "Culture", "Environment", "Treasury",
    "Homeland", "Security", "National", "Adviser", "Advisor", "Counsel", "Solicitor", "Auditor", "Comptroller",
    "Superintendent", "Provost", "Dean", "Principal", "Founder", "CEO", "Chief Executive", "Supreme", "Leader",
    "Grand", "High", "Representative", "Delegate", "Rapporteur", "Pastor", "Elder", "Patriarch", "Metropolitan",
    "Generalissimo", "Field", "Air", "Vice-President", "Vice-Chairman", "Co-founder", "Affairs", "of", "the", "for",
    "and", "U.S.", "US", "UN", "U.N.", "EU", "UK", "Sens", "Reps", "Govs", "Gens", "Mrs", "Mr", "Ms", "Dr", "Prof",
    "Const", "Constable", "Cst", "Det", "Insp", "Supt", "Cpl",
    "Secretary-General", "Director-General", "Governor-General", "Attorney-General", "Solicitor-General",
    "Inspector-General", "Surgeon-General", "Vice-Chancellor", "Vice-Premier", "Secretary-general",
    // More ranks of the forces and the police.
    "Brigadier", "Brig", "Brigadier-General", "Major-General", "Lieutenant-General", "Lieutenant-Colonel",
    "Lt-Gen", "Maj-Gen", "Lt-Col", "Commodore", "Warrant", "Ensign", "Magistrate",
]);

/// Lower-case role nouns that may stand before a name ("envoy Steve Witkoff") or as a
/// speaker ("the minister said").
pub static ROLE_NOUNS: WordSet = WordSet::new(&[
    "president", "minister", "secretary", "senator", "governor", "mayor", "judge", "general", "ambassador",
    "envoy", "chairman", "chairwoman", "chancellor", "premier", "spokesman", "spokeswoman", "spokesperson",
    "leader", "director", "official", "officer", "expert", "analyst", "adviser", "advisor", "economist",
    "professor", "lawyer", "attorney", "prosecutor", "commissioner", "negotiator", "diplomat", "lawmaker",
    "legislator", "representative", "congressman", "congresswoman", "candidate", "coach", "manager", "captain",
    "chief", "head", "founder", "executive", "researcher", "scientist", "doctor", "author", "historian",
    "activist", "sheriff", "detective", "inspector", "superintendent", "commander", "colonel", "sergeant",
    "king", "queen", "prince", "princess", "pope", "bishop", "archbishop", "cardinal", "rabbi", "imam",
    "priest", "pastor", "chair", "deputy", "aide", "strategist", "pollster", "campaigner", "nominee", "witness",
    "owner", "resident", "teacher", "student", "mother", "father", "actor", "actress", "singer", "writer",
    "journalist", "reporter", "editor", "columnist", "producer", "player", "striker", "goalkeeper", "defender",
    "midfielder", "driver", "pilot", "engineer", "physician", "nurse", "surgeon", "economist", "banker",
    "delegate", "member", "supporter", "voter", "volunteer", "organizer", "organiser", "consultant", "staffer",
    "operative", "donor", "fellow", "scholar", "user", "host", "anchor", "commentator", "blogger", "cleric", "partner", "president-elect", "counsel", "attorney-general",
    // Households and trades of fiction.
    "maid", "servant", "cook", "coachman", "footman", "governess", "landlady", "landlord", "clerk", "sailor", "tailor",
    "vicar", "curate", "squire", "nanny",
]);

/// Words that make a capitalised run an organisation, not a person.
static ORG_WORDS: WordSet = WordSet::new(&[
    "Ministry", "Department", "University", "College", "School", "Party", "Council", "Committee", "Commission",
    "News", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Telegraph", "Guardian", "Agency",
    "Bank", "Company", "Inc", "Corp", "Corporation", "Group", "Association", "Union", "Court", "Parliament",
    "Congress", "Senate", "Army", "Navy", "Force", "Forces", "Police", "Office", "Center", "Centre",
    "Institute", "Foundation", "Fund", "Organization", "Organisation", "Federation", "Alliance", "League",
    "Society", "Club", "Network", "Press", "Radio", "Television", "TV", "Channel", "Magazine", "Review",
    "Airlines", "Airways", "Motors", "Holdings", "Partners", "Capital", "Ltd", "LLC", "Bureau", "Authority",
    "Board", "Service", "Services", "Administration", "Government", "Cabinet", "Embassy", "Consulate",
    "Hospital", "Clinic", "Mosque", "Cathedral", "Museum", "Library", "Stadium", "Airport", "Station",
    "Street", "Avenue", "Road", "Square", "Palace", "Agreement",
    "Accord", "Treaty", "Conference", "Forum", "Festival", "Championship", "Championships", "Cup", "Trophy",
    "Tournament", "Prix", "Games",
    "Olympics", "Initiative", "Project", "Program", "Programme", "Campaign", "Movement", "Brigade",
    "Battalion", "Regiment", "Coalition", "Caucus", "Republicans", "Democrats", "Republican", "Tories", "Tory",
    "Democratic", "Reuters", "Associated", "Facebook", "Google", "Twitter", "Microsoft", "Apple", "Amazon",
    "Inc.", "Co", "Industries", "Energy", "Oil", "Gas", "Electric", "Airline", "Railways", "Media", "Studios",
    "Pictures", "Records", "Sciences", "Laboratory", "Laboratories", "Labs", "Systems", "Technologies",
    "Solutions", "Enterprises", "Council", "Assembly", "Duma", "Knesset", "Bundestag", "Kremlin",
    "Pentagon", "Ministries", "Secretariat", "Tribunal", "Prison", "Jail", "Hotel", "Restaurant", "Market",
    "Exchange", "Index", "Report", "Week", "War", "Revolution", "Era", "Empire", "Kingdom",
    "Republic", "Dynasty", "Islands", "Island", "River", "Lake", "Lac", "Lago", "Mountains", "Valley", "Sea", "Ocean",
    "Gulf", "Strait", "Desert", "Peninsula", "County", "Province", "Region", "District", "City", "Town",
    "Village", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    // Words of firms' names, many of them foreign ("Deutsche Lufthansa", "Banco Santander",
    // "Societe Generale", "Nippon Steel", "Credit Suisse", "Svenska Handelsbanken").
    "Deutsche", "Banco", "Banca", "Banque", "Credit", "Societe", "Société", "Compagnie", "Nippon", "Svenska",
    "Generale", "Telekom", "Telecom", "Telecommunications", "Communications", "AG", "SA", "NV", "PLC", "Plc",
    "GmbH", "SpA", "Bhd", "Berhad", "Holding", "Bancorp", "Securities", "Insurance", "Petroleum", "Chemical",
    "Chemicals", "Pharmaceutical", "Pharmaceuticals", "Electronics", "Motor", "Mining", "Shipping", "Investments",
    "Financial", "Brewery", "Breweries",
]);

/// First words of firms' names ("Deutsche Lufthansa", "Banco Santander", "Credit Suisse",
/// "Nippon Steel"): the name is a firm's, whatever words follow.
static FIRM_OPENERS: WordSet = WordSet::new(&[
    "Deutsche", "Banco", "Banca", "Banque", "Credit", "Societe", "Société", "Compagnie", "Nippon", "Svenska",
]);

/// Well-known organisations and outlets whose names hold no organisation word.
static ORG_NAMES: WordSet = WordSet::new(&[
    "CNN", "BBC", "NBC", "CBS", "ABC", "MSNBC", "Fox", "Fox News", "NPR", "PBS", "AP", "AFP", "Reuters",
    "Bloomberg", "Politico", "Axios", "Al Jazeera", "White House", "Kremlin", "Pentagon", "NATO", "Nato",
    "UN", "U.N.", "EU", "E.U.", "FBI", "CIA", "NSA", "IMF", "WHO", "OPEC", "Hamas", "Hezbollah", "Taliban",
    "Downing Street", "Congress", "Senate", "Parliament", "Vatican",
    "Interfax", "Tass", "TASS", "Xinhua", "RIA Novosti", "Yonhap", "Kyodo", "Ukrinform", "Gallup", "Pew",
    // News agencies the wires quote.
    "Itar-Tass", "ITAR-TASS", "Itar Tass", "Bernama", "Antara", "IRNA", "MENA", "Tanjug", "ANSA", "EFE",
    "DPA", "Anadolu", "Kyodo News", "Jiji", "Prensa Latina", "PTI", "UNI", "APP", "SPA", "WAFA",
    "KCNA", "BTA", "PAP", "CTK", "Notimex", "Agerpres",
    "Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "Telegram", "Google", "Microsoft", "Apple",
    "Amazon", "Tesla", "Boeing", "Airbus", "Gazprom", "Rosneft", "Wikileaks", "WikiLeaks", "Greenpeace",
    "Amnesty", "Amnesty International", "Human Rights Watch", "Red Cross", "Interpol", "Europol", "Frontex",
    "GOP", "DNC", "RNC", "ACLU", "NRA", "NAACP", "UNICEF", "UNESCO", "UNHCR", "WTO", "OECD", "G7", "G20",
    "United Nations", "Security Council", "World Health Organization", "World Bank", "State Department",
    "Justice Department", "Supreme Court", "UNRWA", "IAEA", "Red Crescent",
    // Firms named like people.
    "Goldman Sachs", "Morgan Stanley", "Merrill Lynch", "Lehman Brothers", "Salomon Brothers", "Bear Stearns",
    "Dean Witter", "Smith Barney", "Paine Webber", "Dow Jones", "Philip Morris", "JP Morgan", "J.P. Morgan",
    "Hang Seng", "Jardine Matheson", "Charles Schwab", "Edward Jones", "Arthur Andersen",
]);

/// What a company has, after its name and "’s" ("Tesla’s headquarters").
static COMPANY_NOUNS: WordSet = WordSet::new(&[
    "ceo", "shareholders", "headquarters", "subsidiary", "subsidiaries", "platform", "app", "revenue",
    "profits", "earnings", "brand",
]);

/// Lower-case particles allowed inside a name ("Ludwig van Berg").
static PARTICLES: WordSet = WordSet::new(&[
    "van", "von", "de", "del", "della", "di", "da", "du", "der", "den", "la", "le", "bin", "ibn", "al", "el",
    "ben", "dos", "das", "ter", "ten", "y", "zu", "af", "av", "st", "wa", "arap",
]);

/// Capitalised words that are never names: function words, weekdays, months, and
/// words that open sentences and headlines. The lexicon's common-word list adds more.
static NOT_NAMES: WordSet = WordSet::new(&[
    "The", "A", "An", "And", "But", "Or", "Nor", "If", "In", "On", "At", "By", "For", "From", "To", "Of", "With",
    "As", "After", "Before", "During", "Despite", "Although", "Though", "While", "When", "Where", "Why", "How",
    "What", "Who", "Whom", "Which", "This", "That", "These", "Those", "There", "Here", "It", "Its", "He", "She",
    "They", "We", "I", "You", "His", "Her", "Their", "Our", "My", "Your", "Him", "Them", "Us", "Me", "Not",
    "No", "Yes", "All", "Some", "Many", "Most", "More", "Much", "Few", "Several", "Each", "Every", "Any",
    "Both", "Either", "Neither", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    "First", "Second", "Third", "Last", "Next", "Other", "Another", "Such", "So", "Then", "Than", "Now",
    "Today", "Tomorrow", "Yesterday", "Tonight", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Also", "Still", "Yet", "Even", "Just", "Only", "Meanwhile", "However",
    "Indeed", "Instead", "Thus", "Therefore", "Moreover", "Furthermore", "Since", "Until", "Unless", "Because",
    "Whether", "Under", "Over", "Into", "Through", "Against", "Between", "Among", "About", "Above", "Below",
    "Without", "Within", "Across", "Along", "Around", "Behind", "Beyond", "Near", "Like", "Unlike", "Upon",
    "Per", "Via", "Do", "Does", "Did", "Is", "Are", "Was", "Were", "Be", "Been", "Has", "Have", "Had", "Will",
    "Would", "Can", "Could", "Should", "Shall", "Must", "Might", "Let", "Please", "Thank", "Thanks", "Oh",
    "Well", "Good", "New", "Old", "Great", "Big", "Small", "Early", "Late", "Later", "Earlier", "Mr", "Mrs",
    "Ms", "Dr", "OKs", "Chapter", "Part", "Section", "Page", "Photo", "Image", "Video", "Read", "More", "Share",
    "Click", "Subscribe", "Advertisement", "Updated", "Published", "Breaking", "Live", "Watch", "Listen",
    "Christmas", "Easter", "Ramadan", "God", "Lord", "Internet", "Web", "English", "French", "Spanish",
    "Government", "Congress", "Senate", "Parliament", "Police", "Army", "Court", "State", "City", "Country",
    "Minister", "President", "Secretary", "Governor", "Mayor", "Chief", "Senator", "General", "Justice",
    "Accusations", "Reactions", "Seeking", "Ongoing", "Urgency", "Peace", "Deal", "War", "Center", "Centre",
    "Republican", "Republicans", "Democrat", "Democrats", "Democratic", "Conservative", "Labour", "Liberal",
    "Islamic", "Muslim", "Christian", "Jewish", "Catholic", "Covid", "COVID", "Coronavirus", "Ebola", "Zika",
    "Bible", "Koran", "Quran", "Torah", "Gospel",
]);

/// Words that open a capitalised run without being part of a name or an organisation.
fn is_function_word(w: &str) -> bool {
    matches!(w, "The" | "A" | "An" | "And" | "But" | "Or" | "If" | "In" | "On" | "At" | "By" | "For" | "From" | "To"
        | "Of" | "With" | "As" | "After" | "Before" | "While" | "When" | "Since" | "Despite" | "Although" | "Though"
        | "Meanwhile" | "However" | "According" | "Indeed" | "Even" | "Both" | "Neither" | "Either")
        || attribution::lowers_to_cue_word(w)
        || is_first_person_contraction(w)
}

/// "I’ll", "I'm", "I’ve", "I'd": the pronoun I and a verb, capitalised as I always is.
fn is_first_person_contraction(w: &str) -> bool {
    let rest = w.strip_prefix("I’").or_else(|| w.strip_prefix("I'"));
    rest.is_some_and(|r| matches!(r, "ll" | "m" | "ve" | "d"))
}

/// Does `w` never begin a name (a function word, weekday, month, …)? For other layers.
pub fn never_starts_a_name(w: &str) -> bool {
    is_function_word(w) || NOT_NAMES.contains(&w)
}

/// Verbs of what people do (not firms, towns or things), for [`parse_run`]'s lone word
/// before one at the start of a sentence.
static ACTS: WordSet = WordSet::new(&[
    "met", "visited", "married", "resigned", "smiled", "nodded", "shrugged", "frowned", "grinned", "hesitated",
    "glanced", "stared", "winked", "blushed", "wept", "sighed", "laughed", "walked", "sat", "stood", "knelt",
    "hurried", "thought", "felt", "wondered", "hoped", "wished", "shook", "waved", "kissed", "hugged", "retired",
    "testified", "campaigned", "flew", "arrived", "vowed", "urged", "accused", "criticised", "criticized", "praised",
    "died", "pleaded", "apologised", "apologized", "spoke", "endorsed",
]);

/// Is token `n` a firm's verb of reporting before its accounts: "reported a loss", "posted
/// record profits", "announced first-half results"? (A speech verb, but what firms do.)
fn reports_accounts(doc: &Doc, n: usize) -> bool {
    matches!(doc.token_text_or_empty(n), "reported" | "reports" | "posted" | "posts" | "announced" | "announces")
        && (n + 1..(n + 5).min(doc.tokens.len())).any(|k| ACCOUNTS.contains(doc.token_text(k)))
}

/// Words of a firm's accounts, for [`reports_accounts`].
static ACCOUNTS: WordSet = WordSet::new(&[
    "loss", "losses", "profit", "profits", "earnings", "sales", "revenue", "revenues", "results", "income", "turnover",
    "deficit", "surplus", "dividend",
]);

/// Does token `n` open a verb phrase of what only people do, in the future: "will meet",
/// "is due to visit", "was expected to resign", "plans to fly"?
fn future_act_at(doc: &Doc, n: usize) -> bool {
    let text = |k: usize| doc.token_text_or_empty(k);
    let verb = match text(n) {
        "will" | "would" => n + 1,
        "is" | "was" if text(n + 1) == "to" => n + 2,
        "is" | "was" if matches!(text(n + 1), "due" | "expected" | "scheduled" | "set") && text(n + 2) == "to" => n + 3,
        "plans" | "planned" | "hopes" | "hoped" | "intends" | "intended" if text(n + 1) == "to" => n + 2,
        _ => return false,
    };
    FUTURE_ACTS.contains(text(verb))
}

/// Lower-case words after a name that end its noun phrase ("meet Clinton in May", not "meet
/// with Hampton pupils").
static PHRASE_ENDS: WordSet = WordSet::new(&[
    "in", "on", "at", "and", "to", "for", "about", "after", "before", "during", "next", "last", "this", "later", "when",
    "while", "who", "as", "over", "or", "until", "today", "tomorrow", "yesterday",
]);

/// What only people will do, for [`future_act_at`].
static FUTURE_ACTS: WordSet =
    WordSet::new(&["meet", "visit", "travel", "fly", "arrive", "resign", "retire", "marry", "testify", "campaign", "speak"]);

/// Past participles of what happens only to people, after "was" or "has been" ("Orlov was
/// elected", "Sarkin has been sworn in").
static PERSONAL_PASSIVES: WordSet = WordSet::new(&[
    "elected", "re-elected", "appointed", "sworn", "born", "arrested", "jailed", "sentenced", "assassinated", "murdered",
    "kidnapped", "hospitalised", "hospitalized", "executed", "knighted", "imprisoned", "detained", "acquitted",
    "convicted", "indicted", "sacked", "expelled", "exiled", "deported", "extradited", "pardoned", "widowed", "baptised",
    "baptized", "ordained", "elevated", "reappointed",
]);

/// Family names of China, Taiwan, Hong Kong and Korea, which come first in a name as news
/// writes it: "Wang Dan" … "Wang said", "Kim Dae-jung" … "Kim". (Romanised as pinyin and
/// as the older and Cantonese spellings.)
static FAMILY_NAME_FIRST: WordSet = WordSet::new(&[
    "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Zhu", "Gao", "Lin", "Luo",
    "Zheng", "Liang", "Xie", "Tang", "Xi", "Deng", "Jiang", "Mao", "Hu", "Wen", "Qian", "Peng", "Cao", "Yuan", "Feng",
    "Zeng", "Xiao", "Cheng", "Cai", "Pan", "Dong", "Ye", "Du", "Wei", "Lu", "Ding", "Su", "Ren", "Shen", "Yao", "Zhong",
    "Fang", "Bo", "Ma", "Guo", "Han", "Dai", "Chang", "Chiang", "Chou", "Hsu", "Tsai", "Lien", "Soong", "Teng", "Chu",
    "Chan", "Cheung", "Wong", "Leung", "Lau", "Ng", "Tsang", "Chow", "Lam", "Yip", "Kwok", "Tung", "Tsui", "Fung",
    "Kim", "Lee", "Park", "Choi", "Chung", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Shin", "Kwon", "Hwang",
    "Ahn", "Yoo", "Hong", "Jeon", "Moon", "Roh", "Ban", "Chun",
]);

/// What only a person has, after a lone name's possessive ("Arafat's wife", "Yeltsin's
/// aides"); not what firms, towns or teams have too (offices, spokesmen, lawyers, fans).
static PERSONAL_BELONGINGS: WordSet = WordSet::new(&[
    "wife", "husband", "widow", "son", "sons", "daughter", "daughters", "father", "mother", "brother",
    "sister", "parents", "children", "grandson", "granddaughter", "aides", "aide", "bodyguards", "entourage",
    "re-election", "reelection", "predecessor", "successor", "biographer", "illness",
    "bedside", "funeral", "assassination", "resignation", "presidency", "premiership", "girlfriend", "boyfriend",
    "fiancee", "fiancé", "fiancée", "memoirs", "autobiography",
]);

/// Is `w` (without its period) an honorific that tells a gender ("Mr", "Mrs", "Miss")?
pub fn is_honorific(w: &str) -> bool {
    honorific(w).is_some_and(|g| g != Gender::Unknown)
}

/// The gender an honorific tells ("Mr", "Mrs"; `Unknown` for "Dr"), or `None` for a word
/// that is no honorific.
fn honorific(w: &str) -> Option<Gender> {
    // (A match: the compiler tests the length first, then the few words of that length.)
    Some(match w {
        "Mr" | "Mister" | "Sir" | "Lord" | "King" | "Prince" | "Messrs" | "Monsieur" | "Herr" | "Sheikh" | "Father"
        | "Brother" | "Pope" | "Duke" | "Count" | "Baron" => Gender::Male,
        "Mrs" | "Ms" | "Miss" | "Lady" | "Queen" | "Princess" | "Dame" | "Madam" | "Madame" | "Mme" | "Mlle"
        | "Baroness" | "Duchess" | "Countess" | "Sister" | "Frau" | "Widow" => Gender::Female,
        "Dr" | "Prof" | "Professor" | "Doctor" | "Mx" | "Rev" | "Reverend" | "Hon" => Gender::Unknown,
        _ => return None,
    })
}

/// "Boston Red Sox", "Los Angeles Lakers", "Denver Broncos": a city or state that is no first name,
/// then words that are no first name, surname or title, name a team or a firm, not a person
/// ("Paris Hilton", "Georgia Reyes" and "Texas Sen. Ruiz" are people).
fn team_or_firm(doc: &Doc, name_words: &[usize]) -> bool {
    // (Cheap test first: most runs start with no place name at all.)
    if name_words.len() < 2 || gazetteer::reach(doc.token_text(name_words[0])) == 0 {
        return false;
    }
    // After a person's role in lower case it is a person: "Turkey's coach Fatih Terim" (Fatih
    // is a district of Istanbul), "the striker Bergen Olsen".
    if name_words[0] > 0 && ROLE_NOUNS.contains(doc.token_text(name_words[0] - 1)) {
        return false;
    }
    let text_of = |a: usize, b: usize| Span::new(doc.tokens[name_words[a]].span.start, doc.tokens[name_words[b - 1]].span.end).text(doc.text);
    let Some(m) = (1..name_words.len()).rev().find(|&m| {
        let place = text_of(0, m);
        let entries = gazetteer::entries(place);
        // (A city or a state: a country before a name is often the person's, "the envoy of
        // Kazakhstan Arystan Kakikenov".)
        entries.first().is_some_and(|e| matches!(e.kind, PlaceKind::City | PlaceKind::Region))
            && !entries.iter().any(|e| e.first_name)
            && (m > 1 || lexicon::first_name(place).is_none())
    }) else {
        return false;
    };
    // ("the Utah Jazz", "the Orlando Magic": in sports copy, after "the", a word may be a
    // first name too.)
    let after_the = name_words[0] > 0 && doc.token_text(name_words[0] - 1) == "the" && crate::places::is_sports_report(doc);
    name_words[m..].iter().all(|&t| {
        let w = doc.token_text(t);
        w.chars().count() > 1
            && is_capitalised(w)
            && !is_all_caps(w)
            && !NOT_NAMES.contains(&w)
            && !lexicon::is_demonym(w)
            && !matches!(w, "Democrat" | "Republican" | "Democrats" | "Republicans" | "Independent")
            && (after_the || lexicon::first_name(w).is_none())
            && !lexicon::is_surname(w)
            && !is_title_word(w)
            && !gazetteer::is_place(w)
    })
}

/// Is "`st`. `next`" a place named for a saint ("St. Louis", "Ste. Genevieve")?
fn saint_place(st: &str, next: &str) -> bool {
    matches!(st, "St" | "Ste") && (gazetteer::is_place(&format!("{st}. {next}")) || gazetteer::is_place(&format!("Saint {next}")))
}

/// An honorific of address, which a text keeps with the name ("Mr. Pett", "Mrs Verloc",
/// "Miss Sedley"), unlike a professional title ("Dr.", "Professor").
fn is_social_honorific(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs" | "Miss" | "Ms" | "Mister" | "Madame" | "Madam" | "Mme" | "Mlle" | "Monsieur" | "Herr" | "Frau"
            | "Lady" | "Lord" | "Sir" | "Dame" | "Aunt" | "Uncle" | "Master" | "Mistress" | "Widow"
    )
}

/// A title of a monarch or a prince, an honorific no one is addressed by as by "Mr.".
fn is_royal_title(w: &str) -> bool {
    matches!(w, "King" | "Queen" | "Prince" | "Princess" | "Pope" | "Sheikh")
}

/// The token of an honorific written right before token `first` ("Mr. Bennet", "Miss Bates").
pub(crate) fn honorific_before(doc: &Doc, first: usize) -> Option<usize> {
    let mut h = first.checked_sub(1)?;
    if doc.token_text(h) == "." {
        h = h.checked_sub(1)?;
    }
    let w = doc.token_text(h);
    let known_by = honorific(w).is_some()
        || matches!(w, "Captain" | "Capt" | "Colonel" | "Col" | "Major" | "Aunt" | "Uncle" | "Cousin" | "Master" | "Mistress" | "Widow");
    (doc.tokens[h].kind == TokenKind::Word && known_by).then_some(h)
}

/// Before a title word that is also a surname ("Howard Dean"): is the first name `w` a place
/// before it is a first name, a country, any region or a big city ("Jordan", "Georgia",
/// "Sydney"), not a small town that shares it ("Howard")? (Stricter than
/// [`place_to_most_readers`], which a lone first name must pass: there a far province
/// named "Mary" does not count.)
fn place_before_first_name(w: &str) -> bool {
    gazetteer::entries(w).iter().any(|e| e.kind != crate::model::PlaceKind::City || e.size >= 22)
}

/// Is the lone name `w` a place a reader would think of first: a country, a landmark, a
/// capital, a big city or a division of an English-speaking country? ("Mary", a province of
/// Turkmenistan, is not: alone, it is a woman.)
fn place_to_most_readers(w: &str) -> bool {
    gazetteer::entries(w).iter().any(|e| {
        !matches!(e.kind, crate::model::PlaceKind::City | crate::model::PlaceKind::Region)
            || e.capital
            || e.size >= 22
            || (e.in_english_news_country() && !e.small)
    })
}

/// A title that names a person's post ("Governor", "Dr"), not any word of a title
/// ("Affairs", "Security").
fn is_person_title(w: &str) -> bool {
    honorific(w).is_some() || ROLE_NOUNS.contains(&&*crate::text::lower(w))
}

pub(crate) fn is_title_word(w: &str) -> bool {
    TITLE_WORDS.contains(&w) || honorific(w).is_some()
}

/// A weekday or a month ("May" aside: it is a name too).
fn is_day_or_month(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday" | "January" | "February" | "March"
            | "April" | "June" | "July" | "August" | "September" | "October" | "November" | "December"
    )
}

/// Words for an institution or a building that end its name ("Mercy Hospital", "Rice
/// University") and never a person's.
static INSTITUTION_WORDS: WordSet = WordSet::new(&[
    "Hospital", "Clinic", "University", "College", "School", "Academy", "Museum", "Library", "Stadium", "Arena",
    "Airport", "Station", "Institute", "Foundation", "Center", "Centre", "Cathedral", "Mosque", "Synagogue",
]);

fn is_org_word(w: &str) -> bool {
    ORG_WORDS.contains(&w)
}

/// Is `w` written as a one-word name is: a capital, then at least two small letters and
/// nothing else ("Clinton", not "NGOs", "HuffPost" nor "Al")?
fn shaped_as_a_name(w: &str) -> bool {
    let mut b = w.bytes();
    b.next().is_some_and(|c| c.is_ascii_uppercase()) && w.len() >= 3 && b.all(|c| c.is_ascii_lowercase())
}

/// Is token `k` a possessive "'s" (or "’s")? False past the last token.
fn possessive_at(doc: &Doc, k: usize) -> bool {
    matches!(doc.token_text_or_empty(k), "’s" | "'s")
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_all_caps(w: &str) -> bool {
    // (One pass, out at the first lower-case letter: most words have one at once, and most
    // of those an ASCII one, told without decoding a character.)
    if w.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Is token `t` on a line written wholly in capitals, as a wire headline is ("TENNIS -
/// RESULTS AT CANADIAN OPEN .", "PERES SAYS ISRAEL READY")? Three words at least, each of
/// them in capitals. There a short word is no acronym.
fn on_capitals_line(doc: &Doc, t: usize) -> bool {
    let (a, b) = (doc.line_start(t, 40), doc.line_end(t, 40));
    let mut words = 0;
    for k in a..=b {
        let w = doc.token_text(k);
        if doc.tokens[k].kind != TokenKind::Word || !w.chars().any(char::is_alphabetic) {
            continue;
        }
        if w.chars().any(char::is_lowercase) {
            return false;
        }
        words += 1;
    }
    words >= 3
}

/// Is the word at token `t`, a month or a modal that is never a name elsewhere, a given name
/// here, before the next word of its name (token `t + 1`)? "Jan Zelezny" (not "Jan. 5");
/// "April Ryan", "August Wilson" (a month that is a given name, before a surname the lists
/// know, with no date after it and no "in" or "this" before it); "Will Carling" (before a name
/// that is no place, in a sentence that asks nothing: not "Will Russia agree?").
fn never_a_name_but_given_here(doc: &Doc, t: usize) -> bool {
    let toks = &doc.tokens;
    if toks.get(t + 1).is_none_or(|n| n.kind != TokenKind::Word) {
        return false;
    }
    let next = doc.token_text(t + 1);
    match doc.token_text(t) {
        "Jan" => !is_day_or_month(next),
        "April" | "May" | "June" | "August" => {
            lexicon::is_surname(next)
                && !toks.get(t + 2).is_some_and(|n| n.kind == TokenKind::Number)
                && !(t > 0
                    && matches!(
                        crate::text::lower(doc.token_text(t - 1)).as_ref(),
                        "in" | "on" | "since" | "until" | "till" | "til" | "by" | "of" | "last" | "next" | "early" | "late" | "mid" | "from"
                            | "through" | "during" | "before" | "after" | "this" | "that" | "each" | "every"
                    ))
        }
        // "Christian Vieri", "Christian Cullen": the given name before a surname (known, or a
        // word of four letters or more that is no English word, plural or place); not
        // "Christian Democrats", "Christian Science", "Christian Aid".
        "Christian" => {
            lexicon::is_surname(next)
                || (shaped_as_a_name(next)
                    && next.len() >= 4
                    && !next.ends_with('s')
                    && !crate::text::with_lower(next, lexicon::is_common_word)
                    && !ORG_HEADS.contains(next)
                    && !lexicon::is_demonym(next)
                    && !gazetteer::is_place(next))
        }
        "Will" => {
            !gazetteer::is_place(next)
                && !never_starts_a_name(next)
                && doc.sentence_index(toks[t].span.start).is_some_and(|si| !doc.sentences[si].text(doc.text).trim_end().ends_with('?'))
        }
        _ => false,
    }
}

/// Is the English word `words[k]` a given name all the same, as "Mitt" in "Mitt Romney" or
/// "Dries" in "Dries Mertens"? Only as the first of two words, inside a sentence, when the
/// second is a surname (known, or no English word, first name or place), the first is no
/// title or demonym and was never seen in lower case in this text, and a verb follows.
fn word_as_given_name(doc: &Doc, toks: &[crate::text::Token], words: &[usize], k: usize, vocab: &Vocabulary) -> bool {
    if words.len() != k + 2 {
        return false;
    }
    let (w, next) = (doc.token_text(words[k]), doc.token_text(words[k + 1]));
    let inside_sentence = words[k] > 0 && doc.token_text(words[k] - 1).chars().next().is_some_and(|c| c.is_lowercase() || c == ',');
    // (Nor a word that begins place names: "Cape Cod", "Port Hedland", "Palm Springs".)
    let place_word = matches!(
        w,
        "Cape" | "Port" | "Mount" | "Fort" | "Lake" | "Point" | "Bay" | "Glen" | "Palm" | "Salt" | "Cedar" | "Long" | "Little"
            | "Great" | "Grand" | "Old" | "New" | "North" | "South" | "East" | "West" | "Upper" | "Lower" | "Saint"
    );
    // Something only a person does follows: "Mitt Romney said", "Dries Mertens scored",
    // "… Mertens making early attempts", "Mitt Romney, who …" ("Credit Lyonnais and" is a bank).
    let acts = words[k + 1] + 1 < toks.len() && {
        let mut a = words[k + 1] + 1;
        if doc.token_text(a) == "," && a + 1 < toks.len() {
            a += 1;
        }
        let after = doc.token_text(a);
        after.chars().next().is_some_and(char::is_lowercase)
            && crate::text::with_lower(after, |l| {
                attribution::is_cue_word(l)
                    || ACTS.contains(l)
                    || (l.len() > 4 && (l.ends_with("ed") || l.ends_with("ing")))
                    || matches!(l, "who" | "was" | "is" | "has" | "had" | "will" | "would" | "himself" | "herself")
            })
    };
    acts
        && inside_sentence
        && !place_word
        && !NOT_NAMES.contains(&w)
        && !is_title_word(w)
        && !lexicon::is_demonym(w)
        && !vocab.contains(&crate::text::lower(w))
        && !is_all_caps(w)
        && next.chars().count() >= 3
        && !is_title_word(next)
        && !is_common(next, vocab)
        && lexicon::first_name(next).is_none()
        && !gazetteer::is_place(next)
        && toks[words[k + 1]].span.start == toks[words[k]].span.end + 1
        && !gazetteer::is_place(Span::new(toks[words[k]].span.start, toks[words[k + 1]].span.end).text(doc.text))
}

/// A capitalised word that is an ordinary English word here, not a name.
fn is_common(w: &str, vocab: &Vocabulary) -> bool {
    // (Asked some 25 times per capitalised run; a name comes back many times in a text, and
    // the answer, from several word lists and the stemmer, costs some 900 instructions.)
    let Some(key) = vocab.in_text(w) else { return is_common_uncached(w, vocab) };
    if let Some(&known) = vocab.common.borrow().get(key) {
        return known;
    }
    let answer = is_common_uncached(w, vocab);
    vocab.common.borrow_mut().insert(key, answer);
    answer
}

/// Is `w` an English word by any list, whatever name lists also hold it: [`is_common`], or
/// in lower case a common word, or written in lower case elsewhere in this text. A lone word
/// that names someone alone, with nothing else to mark it, must be none.
fn is_english_word(w: &str, vocab: &Vocabulary) -> bool {
    is_common(w, vocab) || crate::text::with_lower(w, |l| lexicon::is_common_word(l) || vocab.contains(l))
}

fn is_common_uncached(w: &str, vocab: &Vocabulary) -> bool {
    if NOT_NAMES.contains(&w) || is_first_person_contraction(w) {
        return true;
    }
    crate::text::with_lower(w, |lower| {
        if attribution::is_cue_word(lower) {
            return true;
        }
        // Seen in lower case elsewhere in this very text: an ordinary word ("Meeting", "Deal").
        if vocab.contains(lower) {
            return lexicon::first_name(w).is_none();
        }
        lexicon::is_common_word(lower) && lexicon::first_name(w).is_none() && !lexicon::is_surname(w)
    })
}

/// Is `w` the name of a place that news readers could take it for: a country, a capital, a
/// town of 10,000 people or more, or a town or a division of a country whose news is in
/// English ("Kendall", "Georgia", "Hope"; not "Patrick", a parish of the Isle of Man)?
fn place_of_note(w: &str) -> bool {
    gazetteer::entries(w).iter().any(|e| {
        matches!(e.kind, PlaceKind::Country | PlaceKind::Continent | PlaceKind::WaterBody | PlaceKind::Landmark)
            || e.capital
            || (e.kind == PlaceKind::City && (e.size >= 16 || e.in_english_news_country()))
            || (e.kind == PlaceKind::Region && (e.in_english_news_country() || e.country.is_none()))
    })
}

/// A word that may end a personal name: not a day, month or obvious time word.
fn vocab_rank_ok(w: &str) -> bool {
    !matches!(w, "Week" | "Year" | "Month" | "Day" | "Night" | "Morning" | "Evening" | "Time" | "Times" | "Today" | "Said" | "Says")
}

/// Lower-case words of the text, to tell ordinary words written with a capital from names.
struct Vocabulary<'a> {
    words: FastSet<&'a str>,
    /// The text, and what [`is_common`] answered for its words.
    text: &'a str,
    common: std::cell::RefCell<FastMap<&'a str, bool>>,
}

impl<'a> Vocabulary<'a> {
    fn new(doc: &Doc<'a>) -> Vocabulary<'a> {
        // (Sized once: distinct lower-case words are about a quarter of the tokens of an
        // article; growing the set from empty cost some 1% of the whole pipeline.)
        let mut words: FastSet<&'a str> = FastSet::with_capacity_and_hasher(doc.tokens.len() / 4, Default::default());
        words.extend(
            (0..doc.tokens.len())
                .filter(|&k| doc.tokens[k].kind == TokenKind::Word)
                .map(|k| doc.token_text(k))
                .filter(|w| w.chars().next().is_some_and(|c| c.is_lowercase())),
        );
        Vocabulary { words, text: doc.text, common: Default::default() }
    }
    /// `w` as a slice of the text with the text's lifetime, when `w` lies in the text (a
    /// token's text, not a string made from one).
    fn in_text(&self, w: &str) -> Option<&'a str> {
        let at = (w.as_ptr() as usize).checked_sub(self.text.as_ptr() as usize)?;
        self.text.get(at..at.checked_add(w.len())?)
    }
    fn contains(&self, lower: &str) -> bool {
        self.words.contains(lower)
    }
}

/// A key for matching surnames across spellings: lower case, accents folded,
/// doubled letters collapsed ("Zelenskyy" and "Zelensky" meet).
pub fn name_key(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    // (Most names are ASCII: bytes, no folding, no Unicode case tables.)
    if w.is_ascii() {
        let mut prev = 0u8;
        for b in w.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase()) {
            if b != prev {
                out.push(b as char);
            }
            prev = b;
        }
        return out;
    }
    let mut prev = '\0';
    for c in gazetteer::fold(w).chars().flat_map(char::to_lowercase).filter(|c| c.is_alphanumeric()) {
        if c != prev {
            out.push(c);
        }
        prev = c;
    }
    out
}

/// A capitalised run of tokens, before titles are stripped.
struct Run {
    /// Token indices (inclusive).
    first: usize,
    last: usize,
}

/// Collect capitalised runs: names with initials, particles and title abbreviations.
fn runs(doc: &Doc) -> Vec<Run> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !starts_name_part(doc, i) && !leading_particle(doc, i) {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        let mut j = i;
        // After "HEAD of NAME" ("Bank of Japan"), a title starts a new run: "Bank of Japan
        // Governor Yasuo Matsushita" is the bank, then its governor.
        let mut institution = false;
        loop {
            // Absorb an abbreviation period or initial's period right after the word.
            if j + 1 < toks.len() && doc.token_text(j + 1) == "." && toks[j + 1].span.start == toks[j].span.end {
                let w = doc.token_text(j);
                let is_initial = w.chars().count() == 1 && is_capitalised(w);
                // (A title written in full ends a sentence there: "the Ministry of Justice. Azerbaijan …".)
                // "St." before a name is Saint, part of it: "Madame St. Aubert".
                // (Not a place: "St. Louis", "St. Petersburg".)
                let saint = matches!(w, "St" | "Ste")
                    && toks.get(j + 2).is_some_and(|n| {
                        let next = doc.slice(n.span);
                        n.kind == TokenKind::Word && is_capitalised(next) && !saint_place(w, next)
                    });
                if is_initial || saint || ((honorific(w).is_some() || is_title_word(w)) && crate::text::is_abbreviation_word(w)) {
                    j += 1;
                    last = j;
                }
            }
            let next = j + 1;
            if next >= toks.len() || !doc.same_line(j, next) {
                break;
            }
            if starts_name_part(doc, next) && !is_cut(doc, next) && !(institution && is_person_title(doc.token_text(next))) {
                j = next;
                last = j;
                continue;
            }
            // A nickname in quotation marks between the names: George "Jay" Keyworth.
            if let Some(after) = nickname_after(doc, j) {
                j = after;
                last = j;
                continue;
            }
            let w = doc.token_text(next);
            // A firm's name joined by an ampersand: "Marks & Spencer", "Kempen & Co" (see
            // `parse_run`); not "Mr & Mrs Smith".
            // (Not two people by their first names: "Joan & Donna are …".)
            let two_first_names = || {
                j == first
                    && [j, next + 1].iter().all(|&t| crate::lexicon::first_name(doc.token_text(t)).is_some())
                    && ![j, next + 1].iter().all(|&t| crate::lexicon::is_surname(doc.token_text(t)))
                    && !toks.get(next + 2).is_some_and(|_| doc.same_line(next + 1, next + 2) && starts_name_part(doc, next + 2))
            };
            if w == "&"
                && honorific(doc.token_text(j)).is_none()
                && next + 1 < toks.len()
                && starts_name_part(doc, next + 1)
                && doc.same_line(next, next + 1)
                && honorific(doc.token_text(next + 1)).is_none()
                && doc.token_text(next + 1) != "I"
                && !two_first_names()
            {
                j = next + 1;
                last = j;
                continue;
            }
            // A particle followed by a capitalised word.
            // (Not the "st" of a cricket scorecard, "Pellow st Rafiq b Noman 12": stumped by.)
            if PARTICLES.contains(&w)
                && next + 1 < toks.len()
                && starts_name_part(doc, next + 1)
                && doc.same_line(next, next + 1)
                && !(w == "st" && in_batting_line(doc, next + 1))
            {
                j = next + 1;
                last = j;
                continue;
            }
            // Two particles: "Ahmed van der Berg", "Ana de la Cruz".
            if PARTICLES.contains(&w)
                && next + 2 < toks.len()
                && PARTICLES.contains(&doc.token_text(next + 1))
                && starts_name_part(doc, next + 2)
                && doc.same_line(next, next + 2)
            {
                j = next + 2;
                last = j;
                continue;
            }
            // An institution named "HEAD of NAME": "Ohio Department of Transportation",
            // "the Bank of England" (the whole is one organisation; see `parse_run`).
            if w == "of" && heads_an_institution(doc, j) && next + 1 < toks.len()
                && starts_name_part(doc, next + 1) && doc.same_line(next, next + 1)
                && !is_function_word(doc.token_text(next + 1))
            {
                j = next + 1;
                last = j;
                institution = true;
                continue;
            }
            // "and" inside such a name: "the Department of Housing and Urban Development",
            // "Health and Human Services" (up to three words after it, the last a common word
            // and no name: not "the Ministry of Defence and Tom Price").
            if w == "and" && institution {
                let mut k = next;
                while k < next + 3 && k + 1 < toks.len() && starts_name_part(doc, k + 1) && doc.same_line(k, k + 1) {
                    k += 1;
                }
                let end_word = doc.token_text(k);
                // (Not a second institution: "the National Association of Black Journalists and
                // National Association of Hispanic Journalists".)
                let another = (next + 1..=k).any(|t| is_institution_word(doc.token_text(t)))
                    || toks.get(k + 1).is_some_and(|t| doc.slice(t.span) == "of");
                if k > next
                    && !another
                    && crate::lexicon::first_name(end_word).is_none()
                    && !crate::lexicon::is_surname(end_word)
                    && crate::text::with_lower(end_word, crate::lexicon::is_common_word)
                {
                    j = k;
                    last = j;
                    continue;
                }
            }
            // "of" inside titles: "Secretary of State Maria Tovar".
            if (w == "of" || w == "for") && is_title_word(doc.token_text(j)) && next + 1 < toks.len()
                && starts_name_part(doc, next + 1) && is_title_word(doc.token_text(next + 1))
            {
                j = next + 1;
                last = j;
                continue;
            }
            break;
        }
        out.push(Run { first, last });
        i = last + 1;
    }
    out
}

/// A nickname in quotation marks right after the first name at token `j`, and the surname
/// after it: `George "Jay" Keyworth`, `Thomas “Tip” O’Neill`: the index of the surname.
/// (Only after a known first name that is no common word: not a headline's `Trump Mocked
/// ‘Queers’ Who …` or `Not To ‘Moan’ About …`.)
pub(crate) fn nickname_after(doc: &Doc, j: usize) -> Option<usize> {
    let toks = &doc.tokens;
    let open = j + 1;
    if open >= toks.len() || !matches!(doc.token_text(open), "\"" | "“" | "‘" | "'") || toks[open].span.start == toks[j].span.end {
        return None;
    }
    let first = doc.token_text(j);
    if lexicon::first_name(first).is_none() || never_starts_a_name(first) || crate::text::with_lower(first, lexicon::is_common_word) {
        return None;
    }
    let mut k = open + 1;
    while k < toks.len() && k < open + 3 && toks[k].kind == TokenKind::Word && is_capitalised(doc.token_text(k)) {
        k += 1;
    }
    let close = k;
    let closes = close > open + 1
        && close + 1 < toks.len()
        && matches!(doc.token_text(close), "\"" | "”" | "’" | "'")
        && toks[close].span.start == toks[close - 1].span.end
        && toks[open + 1].span.start == toks[open].span.end
        && toks[close + 1].span.start > toks[close].span.end
        && starts_name_part(doc, close + 1)
        && !never_starts_a_name(doc.token_text(close + 1))
        && doc.same_line(j, close + 1);
    closes.then_some(close + 1)
}

fn starts_name_part(doc: &Doc, i: usize) -> bool {
    // (Past the last token too: "… Brolin and" at the end of a text.)
    if doc.tokens.get(i).is_none_or(|t| t.kind != TokenKind::Word) {
        return false;
    }
    let w = doc.token_text(i);
    (is_capitalised(w) || is_particle_prefixed(w)) && !w.ends_with("’s") && !w.ends_with("'s")
}

/// Lower-case particles that open a surname written without the given name: "de Klerk",
/// "van der Sar", "di Canio", "von Braun".
fn is_leading_particle(w: &str) -> bool {
    matches!(w, "de" | "van" | "von" | "di" | "da" | "du" | "del" | "della" | "dos" | "das" | "ter" | "ten")
}

/// Does token `i` open a surname with a lower-case particle ("said de Klerk", "Former
/// president de Klerk", "Man of the match: de Silva")? Not after a capitalised word, where
/// the particle goes on that name's run ("Rio de Janeiro", "Aravinda de Silva").
fn leading_particle(doc: &Doc, i: usize) -> bool {
    let toks = &doc.tokens;
    toks[i].kind == TokenKind::Word
        && is_leading_particle(doc.token_text(i))
        && !(i > 0 && toks[i - 1].kind == TokenKind::Word && is_capitalised(doc.token_text(i - 1)) && doc.same_line(i - 1, i))
        // (Not after a French word with an elided article: "the Prix de l'Arc de Triomphe".)
        && !(i > 0 && doc.token_text(i - 1).split_once(['\'', '’']).is_some_and(|(a, b)| matches!(a, "l" | "d") && b.starts_with(char::is_uppercase)))
        && {
            // ("van der Sar", "de la Cruz": a second particle.)
            let mut n = i + 1;
            if toks.get(n).is_some_and(|t| t.kind == TokenKind::Word && PARTICLES.contains(doc.slice(t.span))) {
                n += 1;
            }
            n < toks.len() && starts_name_part(doc, n) && doc.same_line(i, n) && toks[n].span.start == toks[n - 1].span.end + 1
        }
}

/// Arabic and other names written with a lower-case particle and a hyphen: "al-Rashid", "bin-Salman".
fn is_particle_prefixed(w: &str) -> bool {
    // The particles are at most four letters: look for the hyphen in the first five bytes only.
    let Some(h) = w.as_bytes().iter().take(5).position(|&b| b == b'-') else { return false };
    let (head, rest) = (&w[..h], &w[h + 1..]);
    matches!(head, "al" | "el" | "ad" | "ash" | "as" | "at" | "az" | "bin" | "ibn" | "abu" | "abd" | "ben" | "bint")
        && rest.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised speech verb cuts a run: "Witkoff Told Fox News".
fn is_cut(doc: &Doc, i: usize) -> bool {
    attribution::lowers_to_cue_word(doc.token_text(i))
}

/// What a run turned out to be.
enum Parsed {
    Person { first: usize, last: usize, full_first: usize, gender: Gender, role: Option<String>, evidence: u8 },
    Org { first: usize, last: usize },
    Nothing,
}

/// Heads of institutions named "HEAD of NAME" ("Department of Transportation", "Bank of
/// England"): a run goes on through their "of", and is an organisation.
static OF_HEADS: WordSet = WordSet::new(&[
    "Department", "Ministry", "Bureau", "Board", "Bank", "University", "Institute", "Museum", "Chamber", "College",
    "Academy", "Council", "Court", "Commission", "Committee", "Society", "Association", "Federation", "Library",
    "Office", "Division", "Agency", "Authority", "Corps", "Guild", "Union", "Organization", "Organisation", "League",
    "Commonwealth", "Confederation", "Alliance", "Movement", "Front", "Party", "Church", "Congress",
]);

/// Does token `t` head an institution's name "HEAD of NAME" ([`OF_HEADS`])? A chamber's
/// house does too, "the House of Commons", "the House of Representatives"; a family's house
/// does not, "the House of Usher".
fn heads_an_institution(doc: &Doc, t: usize) -> bool {
    let w = doc.token_text(t);
    OF_HEADS.contains(&w)
        || (w == "House"
            && doc.tokens.get(t + 2).is_some_and(|n| {
                matches!(doc.slice(n.span), "Commons" | "Lords" | "Representatives" | "Delegates" | "Assembly" | "Keys" | "Councillors" | "Peers")
            }))
}

/// Is `w` a word that heads an institution's name ("Corp", "University", "Department")?
pub(crate) fn is_institution_word(w: &str) -> bool {
    ORG_HEADS.contains(&w) || OF_HEADS.contains(&w)
}

/// Is `w` a well-known organisation's name ("Microsoft", "NATO")?
pub(crate) fn is_org_name(w: &str) -> bool {
    ORG_NAMES.contains(&w)
}

/// Heads that make a capitalised run an organisation that can speak ("Foreign Ministry").
static ORG_HEADS: WordSet = WordSet::new(&[
    "Ministry", "Department", "University", "College", "Party", "Council", "Committee", "Commission", "News",
    "Times", "Post", "Journal", "Herald", "Tribune", "Gazette", "Telegraph", "Guardian", "Agency", "Bank",
    "Company", "Inc", "Corp", "Corporation", "Group", "Association", "Union", "Court", "Parliament", "Congress",
    "Senate", "House", "Army", "Navy", "Police", "Office", "Center", "Centre", "Institute", "Foundation", "Fund",
    "Organization", "Organisation", "Federation", "Alliance", "League", "Society", "Network", "Press", "Service",
    "Administration", "Government", "Board", "Bureau", "Authority", "Cabinet", "Embassy", "Campaign", "Caucus",
    "Magazine", "Radio", "Television", "Channel", "Agency", "Coalition", "Movement", "Forces", "Guard", "Front",
    "Brigade", "Brigades", "Tribunal", "Assembly", "Directorate", "Secretariat",
    // Firms' legal forms and trades.
    "AG", "SA", "NV", "Plc", "PLC", "Ltd", "GmbH", "SpA", "LLC", "Co", "Bhd", "AS", "ASA", "AB", "Oy", "Oyj", "BV",
    "Pty", "Holdings", "Industries", "Airlines",
    "Airways", "Motors", "Telecom", "Telecommunications", "Petroleum", "Chemical", "Chemicals", "Electronics",
    "Insurance", "Securities", "Mining", "Pharmaceuticals", "Breweries", "Shipping",
    // Markets: "the London Stock Exchange", "the Paris Bourse".
    "Exchange", "Bourse",
    // Teams' last words that are no one's surname: "the White Sox", "the Blue Jays".
    "Sox", "Jays",
]);

/// Does token `t` end an organisation's name ([`ORG_HEADS`])? The legal forms that are also
/// English words in capitals, "AS" and "AB", only after a word written as a name ("Norden
/// Steel AS"; not "She AS", nor a headline's "… NAMED AS").
fn org_head_at(doc: &Doc, t: usize) -> bool {
    let w = doc.token_text(t);
    ORG_HEADS.contains(&w)
        && (!matches!(w, "AS" | "AB")
            || (t > 0 && doc.tokens[t - 1].kind == TokenKind::Word && {
                let before = doc.token_text(t - 1);
                is_capitalised(before) && !is_all_caps(before) && !NOT_NAMES.contains(&before)
            }))
}

/// Firms' legal forms: "Lufthansa AG" names the firm that "Lufthansa" names alone.
const LEGAL_FORMS: &[&str] = &[
    "AG", "SA", "NV", "Plc", "PLC", "Ltd", "GmbH", "SpA", "LLC", "Inc", "Corp", "Co", "Bhd", "AS", "ASA", "AB", "Oy", "Oyj", "BV", "Pty",
];

/// Is `w` a firm's legal form ("Corp", "AG", "Ltd"; without its period)?
pub(crate) fn is_legal_form(w: &str) -> bool {
    LEGAL_FORMS.contains(&w.trim_end_matches('.'))
}

/// Lower-case nouns for an organisation other than a firm (see [`FIRM_NOUNS`]), right before
/// its name: "the news agency Tanjug", "the opposition party Likud".
static ORG_NOUNS: WordSet = WordSet::new(&[
    "agency", "party", "commission", "ministry", "union", "newspaper", "daily", "weekly", "magazine", "broadcaster",
    "network", "exchange", "regulator", "operator", "organisation", "organization", "federation", "association",
    "faction", "militia", "movement", "coalition", "alliance", "watchdog", "charity", "foundation", "carmaker",
    "automaker", "chipmaker", "drugmaker", "steelmaker", "planemaker",
]);

/// Is `w` a lower-case noun for an organisation or a firm ([`ORG_NOUNS`], [`FIRM_NOUNS`]):
/// "newspaper", "agency", "group"?
pub(crate) fn is_org_noun(w: &str) -> bool {
    ORG_NOUNS.contains(w) || FIRM_NOUNS.contains(&w)
}

/// Nouns for a firm, at the end of an apposition: "Siemens, Germany's biggest electrical group,".
const FIRM_NOUNS: &[&str] = &[
    "group", "company", "firm", "maker", "manufacturer", "carrier", "airline", "insurer", "retailer", "conglomerate",
    "concern", "utility", "automaker", "carmaker", "brewer", "producer", "giant", "chain", "bank", "lender", "subsidiary",
];

/// A word that opens the name of a club (or an airline) before its town: "Real Madrid", "Inter
/// Milan", "Dynamo Kyiv", "Air France".
fn is_club_word(w: &str) -> bool {
    names_the_club_alone(w)
        || matches!(
            w,
            "Real" | "Athletic" | "Sporting" | "Inter" | "Air" | "AC" | "AS" | "FC" | "SC" | "Racing" | "Hapoel" | "Maccabi"
                | "Beitar" | "Slavia" | "Sparta" | "Legia" | "Steaua" | "Rapid" | "Partizan" | "Hajduk" | "Lokomotiv"
                | "Torpedo" | "Shakhtar" | "Werder" | "Eintracht" | "Hertha" | "Hansa" | "Fortuna" | "Standard" | "Union"
                | "Girondins" | "Stade"
        )
}

/// A club word that names the club alone too ("… scored twice for Bayern"), unlike "Real",
/// "Inter" or "Air", words alone.
fn names_the_club_alone(w: &str) -> bool {
    matches!(w, "Bayern" | "Borussia" | "Olympique" | "Olympiacos" | "Spartak" | "Dynamo" | "Dinamo" | "Deportivo" | "Atletico" | "Atlético")
}

/// One-word names that the text shows to be a firm's: the first word of "Lufthansa AG", or a
/// name with an apposition that ends with a firm's noun ("Siemens, Germany's biggest electrical
/// group,"). Its other mentions are the firm too ("Lufthansa said").
fn firm_words<'a>(doc: &'a Doc, parsed: &[Parsed]) -> HashSet<&'a str> {
    let mut out = HashSet::default();
    for p in parsed {
        match *p {
            Parsed::Org { first, last } if last == first + 1 && LEGAL_FORMS.contains(&doc.token_text(last)) => {
                out.insert(doc.token_text(first));
            }
            // A club's first word alone is the club: "Bayern Munich" … "Juergen Klinsmann
            // scored twice for Bayern".
            Parsed::Org { first, last } if last == first + 1 && names_the_club_alone(doc.token_text(first)) => {
                out.insert(doc.token_text(first));
            }
            // A results line's team ("(Britain) Williams 1:24.381"), unless a person of the
            // text has that surname.
            Parsed::Org { first, last }
                if first == last
                    && team_after_country(doc, first, last)
                    && !parsed.iter().any(|q| matches!(*q, Parsed::Person { first: a, last: b, .. } if b > a && doc.token_text(b) == doc.token_text(first))) =>
            {
                out.insert(doc.token_text(first));
            }
            Parsed::Person { first, last, full_first, .. } if first == last && full_first == first && doc.tokens.get(last + 1).is_some_and(|t| doc.slice(t.span) == ",") => {
                let Some(after) = skip_apposition(doc, last + 1) else { continue };
                let close = after - 1;
                let inner = last + 2..close;
                // (A noun phrase: "the …", "a …", "Germany's …"; not a clause, "when there was
                // no company".)
                let noun_phrase = inner.len() >= 2
                    && (matches!(doc.token_text(inner.start), "a" | "an" | "the") || possessive_at(doc, inner.start + 1));
                if noun_phrase
                    && FIRM_NOUNS.contains(&doc.token_text(close - 1))
                    && !inner.clone().any(|t| matches!(doc.token_text(t), "of" | "for" | "at" | "with" | "from" | "in" | "to" | "by" | "on" | "who" | "whose"))
                {
                    out.insert(doc.token_text(first));
                }
            }
            _ => {}
        }
    }
    out
}

/// "Norden Steel posts higher profit … Norden Steel AS said": a name of two or more words that
/// the text gives elsewhere as an organisation's, or as a firm's with its legal form, is that
/// organisation wherever it was read as a person for its shape alone (no known given name
/// first, no title or speech verb: evidence 2 at most).
fn firms_named_in_full(doc: &Doc, parsed: Vec<Parsed>) -> Vec<Parsed> {
    let text = |first: usize, last: usize| &doc.text[doc.tokens[first].span.start..doc.tokens[last].span.end];
    let mut orgs: HashSet<&str> = HashSet::default();
    for p in &parsed {
        if let Parsed::Org { first, last } = *p {
            orgs.insert(text(first, last));
            if last > first + 1 && is_legal_form(doc.token_text(last)) {
                orgs.insert(text(first, last - 1));
            }
        }
    }
    if orgs.is_empty() {
        return parsed;
    }
    parsed
        .into_iter()
        .map(|p| match p {
            Parsed::Person { first, last, evidence, .. }
                if last > first && evidence <= 2 && lexicon::first_name(doc.token_text(first)).is_none() && orgs.contains(text(first, last)) =>
            {
                Parsed::Org { first, last }
            }
            p => p,
        })
        .collect()
}

/// The tokens of the two words of a name written right before "of" at token `t - 1`, on the
/// same line as token `t`: the given name (or whatever stands there) and the surname, which is
/// capitalised and no title ("Egizio Bianchini of …", "Tomas Brel of …").
fn full_name_before_of(doc: &Doc, t: usize) -> Option<(usize, usize)> {
    let toks = &doc.tokens;
    (t >= 3
        && doc.token_text(t - 1) == "of"
        && toks[t - 2].kind == TokenKind::Word
        && toks[t - 3].kind == TokenKind::Word
        && is_capitalised(doc.token_text(t - 2))
        && !is_title_word(doc.token_text(t - 2))
        && doc.same_line(t - 3, t))
    .then(|| (t - 3, t - 2))
}

/// The words of a run after the function words that open it ("The", "When", …).
fn without_function_words<'w>(doc: &Doc, words: &'w [usize]) -> &'w [usize] {
    let lead = words.iter().position(|&w| !is_function_word(doc.token_text(w))).unwrap_or(words.len());
    &words[lead..]
}

/// Is `w` a word that ends the name of a sporting event or a prize ("Open", "Cup", "Prize")?
pub(crate) fn is_event_word(w: &str) -> bool {
    EVENT_WORDS.contains(&w)
}

/// Words that end the name of a sporting event or a prize ("the Davis Cup", "the Nobel Prize").
static EVENT_WORDS: WordSet = WordSet::new(&[
    "Open", "Cup", "Championship", "Championships", "Classic", "Masters", "Trophy", "Invitational", "Games",
    "Prize", "Award", "Awards", "Medal", "Marathon", "Derby", "Stakes", "Shield", "Regatta",
]);

/// The lines of a match report that open with a list word and a colon ("Scorers: …",
/// "Referee: …", "Booked: …", "Team: …", "Squad: …"), as token ranges after the colon, in
/// order.
fn match_list_lines(doc: &Doc) -> Vec<(usize, usize)> {
    let toks = &doc.tokens;
    let mut out = Vec::new();
    for t in 0..toks.len().saturating_sub(1) {
        // (The colon first: it rules out nearly every token at once.)
        if doc.token_text(t + 1) == ":"
            && is_list_word(doc.token_text(t))
            && (t == 0 || !doc.same_line(t - 1, t))
        {
            out.push((t + 2, doc.line_end(t + 1, usize::MAX)));
        }
    }
    out
}

/// Does `w`, before a colon at the start of a line, open a list of people in a match report?
fn is_list_word(w: &str) -> bool {
    matches!(
        w,
        "Scorers" | "Scorer" | "Goalscorers" | "Goalscorer" | "Referee" | "Booked" | "Cautioned" | "Bowling" | "Team" | "Squad" | "Replacements" | "Substitutes"
    )
}

/// Is token `t` inside one of the `lines` of [`match_list_lines`]?
fn listed_in_match_line(lines: &[(usize, usize)], t: usize) -> bool {
    let i = lines.partition_point(|l| l.0 <= t);
    i > 0 && t <= lines[i - 1].1
}

/// Is the run at token `t` a fielder or bowler in a line of a cricket scorecard: after "c",
/// "b", "st" or "lbw b" ("A. Stewart c Inzamam-ul-Haq b Mushtaq Ahmed 44"), on a line that
/// ends with the runs?
fn in_batting_line(doc: &Doc, t: usize) -> bool {
    if t == 0 || !matches!(doc.token_text(t - 1), "c" | "b" | "st") || !doc.same_line(t - 1, t) {
        return false;
    }
    doc.tokens[doc.line_end(t, 20)].kind == TokenKind::Number
}

/// Is the run `first..=last` a scorer in the parentheses after a team's score, with the
/// minute: "Ajax 2 ( Litmanen 15 , Kluivert 70 ) Feyenoord 1"?
fn scorer_in_parentheses(doc: &Doc, first: usize, last: usize) -> bool {
    let toks = &doc.tokens;
    if first == 0 || !matches!(doc.token_text(first - 1), "(" | ",") || last + 2 >= toks.len() {
        return false;
    }
    // A minute or a cricketer's runs ("Kluivert 12", "Lara 103"), or bowling figures
    // ("Warne 3-25").
    let n = doc.token_text(last + 1);
    let minute = toks[last + 1].kind == TokenKind::Number
        && (n.len() <= 3 || n.split_once('-').is_some_and(|(w, r)| w.len() <= 2 && r.len() <= 3 && !w.is_empty() && !r.is_empty()));
    // (The kind of goal may follow the minute: "Bergkamp 80 penalty", "Bould 12 og".)
    let mut end = last + 2;
    if end + 1 < toks.len() && matches!(doc.token_text(end), "penalty" | "pen" | "og" | "own-goal") {
        end += 1;
    }
    if !minute || !matches!(doc.token_text(end), "," | ")" | ";") || !doc.same_line(first, end) {
        return false;
    }
    // Back along the line to the opening parenthesis, right after the team's score (in
    // cricket perhaps with "all out", "declared" or the overs between: "222 all out (").
    let after_score = |mut p: usize| {
        for _ in 0..4 {
            if toks[p].kind == TokenKind::Number {
                return true;
            }
            if p == 0 || !matches!(doc.token_text(p), "all" | "out" | "declared" | "dec" | "overs" | "in" | "for" | "." | ",") || !doc.same_line(p - 1, p) {
                return false;
            }
            p -= 1;
        }
        false
    };
    let mut t = first - 1;
    loop {
        match doc.token_text(t) {
            ")" => return false,
            "(" => return t > 0 && doc.same_line(t - 1, t) && after_score(t - 1),
            _ => {}
        }
        if t == 0 || !doc.same_line(t - 1, t) || first - t > 40 {
            return false;
        }
        t -= 1;
    }
}

/// Are `a b` the demonym of a place named in two words: "Sri Lankan", "Costa Rican", "New
/// Zealander", "North Korean", "Sierra Leonean", "East Timorese"?
fn compound_demonym(a: &str, b: &str) -> bool {
    // (Cheap tests first: this runs on the first words of every capitalised run.)
    if !is_capitalised(a) || !is_capitalised(b) || is_all_caps(b) || gazetteer::reach(a) < 2 {
        return false;
    }
    ["n", "an", "er", "ese", "i"].iter().any(|suffix| {
        b.strip_suffix(suffix).is_some_and(|stem| stem.len() >= 3 && gazetteer::entries(&format!("{a} {stem}")).iter().any(|e| matches!(e.kind, PlaceKind::Country | PlaceKind::Region)))
    })
}

/// What kind of sports copy a text is, for the rules of match reports.
#[derive(Clone, Copy)]
struct Sports {
    /// A match report of any game ([`crate::places::is_sports_report`]).
    any: bool,
    /// One of football (goals and penalties): where "X beat Y 2-1" names teams, not players
    /// as in tennis.
    football: bool,
    /// One of a game of players, not teams (tennis, boxing, squash): where "X beat Y 6-3 6-2"
    /// names players.
    singles: bool,
}

impl Sports {
    fn of(doc: &Doc) -> Sports {
        let any = crate::places::is_sports_report(doc);
        let football = any
            && ["goal", "striker", "midfielder", "goalkeeper", "penalty", "equaliser", "equalizer", "halftime", "half-time"]
                .iter()
                .any(|w| doc.text.contains(w));
        let singles = any
            && !football
            && ["tennis", "TENNIS", "singles", "seed", "BOXING", "boxing", "SQUASH", "squash", "BADMINTON", "badminton"]
                .iter()
                .any(|w| doc.text.contains(w));
        Sports { any, football, singles }
    }
}

/// Is a score at token `t` ("2-1", "2 - 1")?
pub(crate) fn score_at(doc: &Doc, t: usize) -> bool {
    let small = |k: usize| k < doc.tokens.len() && doc.tokens[k].kind == TokenKind::Number && doc.token_text(k).len() <= 2;
    let w = if t < doc.tokens.len() { doc.token_text(t) } else { return false };
    let joined = w.split_once(['-', '–']).is_some_and(|(a, b)| {
        !a.is_empty() && a.len() <= 2 && a.bytes().all(|c| c.is_ascii_digit()) && !b.is_empty() && b.len() <= 2 && b.bytes().all(|c| c.is_ascii_digit())
    });
    joined || (small(t) && t + 2 < doc.tokens.len() && matches!(doc.token_text(t + 1), "-" | "–") && small(t + 2))
}

/// In sports copy, a name of two words, the second a city's and the first no given name nor
/// country, region or capital, beside a score or a result verb: a club and its town ("Ajax Amsterdam 4-0",
/// "PSV Eindhoven crushed …", "beat Vitesse Arnhem 2-1").
fn club_and_town(doc: &Doc, sports: Sports, a: usize, b: usize) -> bool {
    let verb = |k: usize| k < doc.tokens.len() && crate::text::with_lower(doc.token_text(k), |l| crate::places::RESULT_VERBS.contains(&l));
    sports.any
        && b == a + 1
        && lexicon::first_name(doc.token_text(a)).is_none()
        // (A town's name may come first, "Ajax Amsterdam", not a country's or a capital's.)
        && !gazetteer::entries(doc.token_text(a)).iter().any(|e| e.capital || e.kind != PlaceKind::City)
        && gazetteer::entries(doc.token_text(b)).first().is_some_and(|e| e.kind == PlaceKind::City)
        && (score_at(doc, b + 1) || verb(b + 1) || (a > 0 && verb(a - 1) && score_at(doc, b + 1)))
}

/// Is the lone name at token `t` a team, beside a result verb with the score after it:
/// "Chelsea beat Everton 2-1", "Everton lost 2-1", "Everton lost to Chelsea 2-1" (or, in
/// tennis, a player)?
pub(crate) fn team_beside_result(doc: &Doc, t: usize) -> bool {
    let verb = |k: usize| k < doc.tokens.len() && crate::text::with_lower(doc.token_text(k), |l| crate::places::RESULT_VERBS.contains(&l));
    let to = |k: usize| k < doc.tokens.len() && doc.token_text(k) == "to";
    // The score after an opponent of up to three capitalised words: "beat Crystal Palace 2-0".
    let score_after_name = |k: usize| {
        let mut s = k;
        while s < doc.tokens.len() && s < k + 3 && doc.tokens[s].kind == TokenKind::Word && is_capitalised(doc.token_text(s)) {
            s += 1;
        }
        score_at(doc, s)
    };
    (t > 0 && verb(t - 1) && score_at(doc, t + 1))
        || (verb(t + 1) && (score_at(doc, t + 2) || score_after_name(t + 2)))
        // "… lost to Chelsea 2-1", "Everton lost to Chelsea 2-1".
        || (t > 1 && to(t - 1) && verb(t - 2) && score_at(doc, t + 1))
        || (verb(t + 1) && to(t + 2) && score_after_name(t + 3))
}

/// Is the lone name at tokens `first..=last` a team by the phrase of a result around it:
/// "Everton slipped to a 2-1 defeat", "Leeds cruised to a 3-0 win" (a score, then a word of
/// the result, in the next few words of its clause), "put Everton ahead", "kept Leeds top"?
fn team_in_result_phrase(doc: &Doc, first: usize, last: usize) -> bool {
    let text = |k: usize| doc.token_text_or_empty(k);
    let next = text(last + 1);
    let put_ahead = first > 0
        && matches!(text(first - 1), "put" | "puts" | "kept" | "keeps" | "sent" | "sends" | "took" | "takes")
        && matches!(next, "ahead" | "level" | "top" | "clear");
    // (A verb right after the name, and the score on its line: not "LIVERPOOL 1996-08-24"
    // over "Everton slipped to a 2-1 defeat".)
    let verb_next = !next.is_empty() && next.bytes().all(|b| b.is_ascii_lowercase());
    put_ahead
        || verb_next
            && (last + 2..last + 7).take_while(|&k| !matches!(text(k), "" | "." | ";" | "," | "and" | "but") && doc.same_line(last, k)).any(|k| {
                score_at(doc, k) && RESULT_NOUNS.contains(text(k + 1))
            })
}

/// What a score is, after it: "a 2-1 defeat", "a 3-0 win", "a 1-0 lead".
static RESULT_NOUNS: WordSet = WordSet::new(&["defeat", "win", "victory", "draw", "loss", "lead", "home", "away", "triumph"]);

/// Are tokens `first..=last` alone in parentheses right after a capitalised word on their
/// line: "Dwight Yorke ( Aston Villa )", "Juan Pizzi (Barcelona)" (in a match report, the
/// player's club or country)?
pub(crate) fn in_parentheses_after_name(doc: &Doc, first: usize, last: usize) -> bool {
    first >= 2
        && doc.token_text(first - 1) == "("
        && doc.tokens.get(last + 1).is_some_and(|t| doc.slice(t.span) == ")")
        && doc.tokens[first - 2].kind == TokenKind::Word
        && is_capitalised(doc.token_text(first - 2))
        && doc.same_line(first - 2, first)
}

/// Are tokens `first..=last` a name between a country in parentheses and a number, on one
/// line: the team of a results line ("1. Tom Steels (Belgium) Mapei 4:15:32", "(Britain)
/// Williams 1:24.381")?
fn team_after_country(doc: &Doc, first: usize, last: usize) -> bool {
    let toks = &doc.tokens;
    // Cheap tests first: a closing parenthesis right before, a number right after.
    if first < 3 || doc.token_text(first - 1) != ")" || toks.get(last + 1).is_none_or(|t| t.kind != TokenKind::Number) {
        return false;
    }
    let Some(open) = (first.saturating_sub(6)..first - 1).rev().find(|&k| doc.token_text(k) == "(") else { return false };
    // (Nothing inside, "( )": no country.)
    if open + 1 >= first - 1 {
        return false;
    }
    let inside = Span::new(toks[open + 1].span.start, toks[first - 2].span.end).text(doc.text);
    doc.same_line(open, last + 1) && gazetteer::entries(inside).first().is_some_and(|e| e.kind == PlaceKind::Country)
}

/// Is `w` a lower-case word for a player's position or standing ("striker", "captain")?
pub(crate) fn is_player_role(w: &str) -> bool {
    PLAYER_ROLES.contains(&w)
}

/// A lower-case word for a club's people after its town's name ("Newcastle manager", "a
/// Leeds striker", "Barcelona fans"): in a match report, the town is the club.
pub(crate) fn is_club_people_word(w: &str) -> bool {
    is_player_role(w) || matches!(w, "manager" | "coach" | "team" | "boss" | "chairman" | "fans" | "supporters" | "players" | "player")
}

/// Is token `t + 1` a word for a club's people and token `t + 2` a capitalised word, on the
/// line of token `t`: "Leeds manager Howard Wilkinson" (for the word at `t`, the club)?
pub(crate) fn before_club_people_named(doc: &Doc, t: usize) -> bool {
    t + 2 < doc.tokens.len()
        && is_club_people_word(doc.token_text(t + 1))
        && doc.tokens[t + 2].kind == TokenKind::Word
        && is_capitalised(doc.token_text(t + 2))
        && doc.same_line(t, t + 2)
}

/// Lower-case words for a player's position or standing, before a lone name in sports copy.
static PLAYER_ROLES: WordSet = WordSet::new(&[
    "goalkeeper", "keeper", "striker", "defender", "midfielder", "winger", "forward", "substitute", "captain",
    "skipper", "playmaker", "batsman", "bowler", "opener", "spinner", "pitcher", "quarterback", "teammate",
    "team-mate", "compatriot", "countryman", "fullback", "full-back", "sweeper", "centre-back", "debutant",
]);

/// What may follow a batsman's runs ("Thorpe made 54 before …"), unlike a team's changes
/// ("made 3 changes").
static RUNS_MADE_ENDS: WordSet =
    WordSet::new(&[",", ".", ";", "(", "runs", "not", "before", "in", "off", "from", "and", "as", "when", "but", "with"]);

/// What players do, right after a lone name in sports copy.
static PLAYER_ACTS: WordSet = WordSet::new(&[
    "scored", "struck", "netted", "headed", "equalised", "equalized", "volleyed", "converted", "saved", "limped",
    "fired", "curled", "tapped", "slotted", "blasted", "chipped", "nodded", "hit", "bowled", "batted", "homered",
    "pitched", "doubled", "singled", "served", "double-faulted", "top-scored", "levelled", "leveled",
]);

/// Does token `t` open a clause right after a subordinating conjunction ("since Netanyahu
/// met …", "when Mubarak visited …")?
fn after_subordinator(doc: &Doc, t: usize) -> bool {
    t >= 1
        && matches!(
            doc.token_text(t - 1),
            "since" | "after" | "before" | "when" | "until" | "while" | "once" | "because" | "although" | "though" | "unless" | "whether"
        )
}

/// Is the lone name at tokens `first..=last` one of two joined by "and" right before a verb
/// that `act_at` (given a token) accepts: "Sutton and Gallacher scored", "Netanyahu and
/// Arafat shook hands"? The first token of the pair, if so.
fn pair_before(doc: &Doc, first: usize, last: usize, act_at: impl Fn(usize) -> bool) -> Option<usize> {
    let text = |k: usize| doc.token_text_or_empty(k);
    // (Not beside a well-known organisation: "Microsoft and Intel met".)
    let partner = |k: usize| starts_name_part(doc, k) && !is_org_name(text(k));
    // This name first: "Sutton and Gallacher scored".
    if text(last + 1) == "and" && partner(last + 2) && !starts_name_part(doc, last + 3) && act_at(last + 3) {
        return Some(first);
    }
    // This name second: "… and Gallacher scored".
    (first >= 2 && text(first - 1) == "and" && partner(first - 2) && act_at(last + 1)).then(|| first - 2)
}

/// Are the standings rows on the lines around the one of token `t` (three above, three
/// below) teams: two or more of them named by a place ("Liverpool 26 14 7 5 45 24 49",
/// "Manchester United …") and none by a given name ("Colin Montgomerie 66 65 70")?
fn rows_around_are_teams(doc: &Doc, t: usize) -> bool {
    let toks = &doc.tokens;
    let (mut teams, mut people) = (0, 0);
    let mut classify = |start: usize| {
        let mut end = start;
        while end < toks.len() && end < start + 4 && toks[end].kind == TokenKind::Word && is_capitalised(doc.token_text(end)) && (end == start || doc.same_line(end - 1, end)) {
            end += 1;
        }
        if end == start || doc.table_row(start, end - 1) != Some(crate::text::TableRow::Standings) {
            return;
        }
        if lexicon::first_name(doc.token_text(start)).is_some() && !gazetteer::is_place(doc.token_text(start)) {
            people += 1;
        } else if (start..end).any(|k| gazetteer::is_place(doc.token_text(k))) {
            teams += 1;
        }
    };
    // (Within the table: no blank line between.)
    let blank_between = |a: usize, b: usize| doc.text[toks[a].span.end..toks[b].span.start].matches('\n').count() >= 2;
    let mut s = doc.line_start(t, 40);
    for _ in 0..3 {
        if s == 0 || blank_between(s - 1, s) {
            break;
        }
        s = doc.line_start(s - 1, 40);
        classify(s);
    }
    let mut e = doc.line_end(t, 40);
    for _ in 0..3 {
        if e + 1 >= toks.len() || blank_between(e, e + 1) {
            break;
        }
        classify(e + 1);
        e = doc.line_end(e + 1, 40);
    }
    teams >= 2 && people == 0
}

/// Is the name at token `first` a fielder's or a bowler's in cricket: "caught by Lara",
/// "bowled by Ambrose", "stumped by Healy", "caught by Lara off Walsh"?
fn fielder_at(doc: &Doc, first: usize) -> bool {
    first >= 2
        && (doc.token_text(first - 1) == "by" && matches!(doc.token_text(first - 2), "caught" | "bowled" | "stumped" | "run-out")
            // "caught by Wasim off Waqar", "dropped off Mushtaq": the bowler.
            || doc.token_text(first - 1) == "off"
                && (first.saturating_sub(5)..first - 1).any(|k| matches!(doc.token_text(k), "caught" | "dropped" | "stumped" | "edged")))
}

/// The tokens inside the parentheses right after the name that ends at token `last`, on its
/// line, when they are capitalised and no score follows: a player's club or country ("7 -
/// Kiko (Atletico Madrid)", "Ilse Vantrot (Belgium)"), not a team's country before its
/// score ("Juventus (Italy) 2").
fn side_in_parentheses_after(doc: &Doc, last: usize) -> Option<std::ops::Range<usize>> {
    let toks = &doc.tokens;
    let text = |k: usize| doc.token_text_or_empty(k);
    let next = last + 1;
    if text(next) != "(" || !is_capitalised(text(next + 1)) || !doc.same_line(last, next + 1) {
        return None;
    }
    let close = (next + 2..next + 5).find(|&k| text(k) == ")")?;
    (!toks.get(close + 1).is_some_and(|t| t.kind == TokenKind::Number && doc.same_line(close, close + 1))).then_some(next + 1..close)
}

/// Is the lone name at tokens `first..=last` a player's by its context: after a player's
/// role, before what players do (or before "and" and another name that does it, "Hinchcliffe
/// and Unsworth were booked"), or after "a pass from", "a cross from", "saved from", "through"?
fn player_context(doc: &Doc, first: usize, last: usize) -> bool {
    let toks = &doc.tokens;
    let text = |k: usize| doc.token_text_or_empty(k);
    if first > 0 && PLAYER_ROLES.contains(text(first - 1)) {
        return true;
    }
    let number_at = |k: usize| {
        toks.get(k).is_some_and(|t| t.kind == TokenKind::Number)
            || matches!(text(k), "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten")
    };
    let act_at = |k: usize| {
        PLAYER_ACTS.contains(text(k))
            || (matches!(text(k), "was" | "were") && matches!(text(k + 1), "booked" | "cautioned" | "sent" | "substituted" | "injured"))
            // "Knight was out for 17", "Thorpe made 54", "Ijaz was unbeaten on 13".
            || (text(k) == "was" && matches!(text(k + 1), "out" | "unbeaten" | "dismissed" | "stumped") && matches!(text(k + 2), "for" | "on" | "by" | "after"))
            // (A batsman's runs, not a team's changes: "made 3 changes".)
            || (text(k) == "made"
                && toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Number)
                && (text(k + 2).is_empty() || RUNS_MADE_ENDS.contains(text(k + 2))))
            // "Etcheverry opened the scoring", "Baldivieso added a second", "Warne took four
            // for 25", "Streak took three wickets".
            || (text(k) == "opened" && text(k + 1) == "the" && text(k + 2) == "scoring")
            || (text(k) == "added" && matches!(text(k + 1), "a" | "the" | "another") && matches!(text(k + 2), "second" | "third" | "fourth" | "fifth" | "goal" | "penalty"))
            || (text(k) == "added" && text(k + 1) == "another")
            || (text(k) == "took" && number_at(k + 1) && matches!(text(k + 2), "wickets" | "wicket" | "for" | "catches"))
            // "Ferguson missed a chance", "Speed and Ferguson missed chances".
            || (text(k) == "missed" && matches!(text(k + 1), "a" | "an" | "chances" | "two" | "three"))
            // "Speed put Everton ahead", "… after Speed had put them level".
            || (text(k) == "put" && matches!(text(k + 2), "ahead" | "level"))
            || (text(k) == "had" && text(k + 1) == "put" && matches!(text(k + 3), "ahead" | "level"))
            // "Pizzi made it 2-0", "Alfonso pulled one back".
            || (text(k) == "made" && text(k + 1) == "it" && score_at(doc, k + 2))
            || (text(k) == "pulled" && matches!(text(k + 1), "one" | "a") && matches!(text(k + 2), "back" | "goal"))
    };
    let next = last + 1;
    // "7 - Kiko (Atletico Madrid)", "Ilse Vantrot (Belgium)": a player's club or country in
    // parentheses after the name.
    // (Not a team's country before its score: "Juventus (Italy) 2".)
    if side_in_parentheses_after(doc, last).is_some() {
        return true;
    }
    if act_at(next) && !team_beside_result(doc, first) {
        return true;
    }
    // "Hinchcliffe and Unsworth were booked", "Sutton and Gallacher scored".
    if pair_before(doc, first, last, act_at).is_some() {
        return true;
    }
    if fielder_at(doc, first) {
        return true;
    }
    first >= 2
        && matches!(text(first - 1), "from" | "through")
        && matches!(text(first - 2), "pass" | "cross" | "header" | "goal" | "strike" | "shot" | "penalty" | "kick" | "free-kick" | "volley" | "corner" | "through" | "goals" | "saved" | "save" | "saves")
        || (first >= 1 && text(first - 1) == "through" && matches!(text(first.saturating_sub(2)), "equalised" | "equalized" | "led" | "scored"))
}

/// Strip titles and common words from a run and decide what it names.
/// (`listed`: the lines of [`match_list_lines`].)
fn parse_run(doc: &Doc, run: &Run, vocab: &Vocabulary, places: &[Place], places_longest: usize, headline: bool, listed: &[(usize, usize)], sports: Sports) -> Parsed {
    let toks = &doc.tokens;
    // The run's words, on the stack for any run of ordinary length (a run is parsed once per
    // capitalised run of the text: the allocation cost some 1%).
    let mut stack = [0usize; 16];
    let heap: Vec<usize>;
    let words: &[usize] = if run.last - run.first < stack.len() {
        let mut n = 0;
        for k in (run.first..=run.last).filter(|&k| toks[k].kind == TokenKind::Word) {
            stack[n] = k;
            n += 1;
        }
        &stack[..n]
    } else {
        heap = (run.first..=run.last).filter(|&k| toks[k].kind == TokenKind::Word).collect();
        &heap
    };
    if words.is_empty() {
        return Parsed::Nothing;
    }
    // "Man charged in Elkton shooting", "Woman, 80, dies": a word for someone, alone with a
    // capital at the head of a headline or a sentence, is no name ("Man" is a given name in
    // the census lists; "Man Ray" keeps it).
    if let [w] = words[..] {
        if matches!(doc.token_text(w), "Man" | "Woman" | "Men" | "Women" | "Boy" | "Girl" | "Teen" | "Teenager" | "Toddler" | "Gunman") {
            return Parsed::Nothing;
        }
    }
    // "Bovine Spongiform Encephalopathy", "Creutzfeldt-Jakob Disease", "Acute Hepatitis": a
    // disease, not a person. (Not the Lithuanian surnames in -aitis and -ytis: "Jonaitis".)
    {
        let last = doc.token_text(*words.last().expect("non-empty"));
        let medical = ["pathy", "itis", "osis", "aemia", "emia"].iter().any(|s| last.len() > s.len() + 3 && last.ends_with(s))
            && !last.ends_with("aitis")
            && !last.ends_with("ytis");
        if medical || (words.len() >= 2 && matches!(last, "Disease" | "Syndrome" | "Virus" | "Fever" | "Disorder")) {
            return Parsed::Nothing;
        }
    }
    // "State-owned Codelco", "Hong Kong-based Jardine Matheson", "Kremlin-controlled
    // Gazprom": the name after a word for where a firm sits or who owns it is the firm's
    // (not "Boston-based John Smith", "London-based Dr. Ann Lee": a given name or a title
    // leaves a person).
    if let Some(p) = words.iter().position(|&w| {
        doc.token_text(w)
            .rsplit_once('-')
            .is_some_and(|(_, tail)| matches!(tail, "based" | "owned" | "controlled" | "listed" | "headquartered" | "registered" | "run"))
    }) {
        if let Some(&next) = words.get(p + 1) {
            let w = doc.token_text(next);
            if is_capitalised(w) && lexicon::first_name(w).is_none() && honorific(w).is_none() && !is_title_word(w) && !is_function_word(w) {
                return Parsed::Org { first: next, last: *words.last().expect("non-empty") };
            }
        }
    }
    // "the state oil company Petrobras said", "the rebel group Hamas", "the daily Haaretz":
    // a name right after a lower-case noun for an organisation is that organisation's.
    // (Not a person's name: "the company John Smith founded", "the party Jones hosted"; a
    // given name first, or one word that is a surname, stays a person's.)
    if run.first > 0 && words[0] == run.first && {
        let before = doc.token_text(run.first - 1);
        is_org_noun(before) && doc.same_line(run.first - 1, run.first)
    } && {
        let first = doc.token_text(words[0]);
        words.iter().all(|&w| is_capitalised(doc.token_text(w)) && honorific(doc.token_text(w)).is_none() && !is_title_word(doc.token_text(w)))
            && lexicon::first_name(first).is_none()
            && !(words.len() == 1 && lexicon::is_surname(first))
            && !is_function_word(first)
            && !gazetteer::is_place(Span::new(toks[words[0]].span.start, toks[*words.last().expect("non-empty")].span.end).text(doc.text))
    } {
        return Parsed::Org { first: words[0], last: *words.last().expect("non-empty") };
    }
    // "Christiana Hospital", "Mercy Hospital": a name that ends with a word for an
    // institution or a building is that institution's, even when its first word is a given
    // name (the word is an English one, so the loop below would take it off and leave a
    // person). (Not when the places layer found a place in its first word, "Vancouver
    // International Airport", "the Vatican-owned … Hospital": that stays a place.)
    if words.len() >= 2
        && INSTITUTION_WORDS.contains(&doc.token_text(*words.last().expect("two words")))
        && words.iter().all(|&w| is_capitalised(doc.token_text(w)))
        && !never_starts_a_name(doc.token_text(words[0]))
        && !crate::model::overlapping(places, toks[words[0]].span, places_longest, |p| p.span).next().is_some()
    {
        return Parsed::Org { first: words[0], last: *words.last().expect("two words") };
    }
    // "St. Louis", "the St. Louis Cardinals": the rest of a place named for a saint.
    if run.first >= 2 && doc.token_text(run.first - 1) == "." && saint_place(doc.token_text(run.first - 2), doc.token_text(run.first)) {
        return Parsed::Nothing;
    }
    // "the village of Novye Atagi", "the settlement of Kiryat Sefer": a place the gazetteer
    // does not know, not a person.
    if run.first >= 2 && doc.token_text(run.first - 1) == "of" && crate::places::settlement_noun(doc.token_text(run.first - 2)).is_some() {
        return Parsed::Nothing;
    }
    // "Fort Hood said": a fort or a base named after someone, not that person: a place (the
    // places layer finds it), and a source as an organisation is.
    // (A town named so, "Fort Worth", is left to the test for places below.)
    if words.len() == 2 && doc.token_text(words[0]) == "Fort" && !gazetteer::is_place(Span::new(toks[words[0]].span.start, toks[words[1]].span.end).text(doc.text)) {
        return Parsed::Org { first: words[0], last: words[1] };
    }
    // "Jim Clyburn, D-S.C.,": a legislator's party and home state, no name.
    if crate::places::party_home(doc, run.first).is_some() {
        return Parsed::Nothing;
    }
    // "Thrushcross Grange", "Netherfield Park", "Thornfield Hall", "Donwell Abbey": a name
    // that ends with a word for an estate or a house, with no given name or honorific before
    // it, is the house ("Barbara Castle", "Edward Abbey" and "Mrs. Hall" stay people).
    // (An organisation's mention, so that no place inside it, "Grange", is taken.)
    // (The last word first: it is rarely one of these.)
    // (Not after a particle of a surname: "Hennie le Grange".)
    let house = words.len() >= 2
        && matches!(
            doc.token_text(*words.last().expect("two words")),
            "Grange" | "Manor" | "Abbey" | "Castle" | "Priory" | "Lodge" | "Cottage" | "Rectory" | "Vicarage" | "Parsonage"
                | "Hall" | "Park" | "Heights" | "Farm" | "Place" | "Towers"
        )
        && !PARTICLES.contains(doc.token_text(words.last().expect("two words") - 1));
    let named = if house { without_function_words(doc, &words) } else { &[] };
    if named.len() >= 2
        && lexicon::first_name(doc.token_text(named[0])).is_none()
        && !(run.first > 0 && honorific(doc.token_text(run.first - 1)).is_some())
        && named.iter().all(|&w| {
            let t = doc.token_text(w);
            t.chars().count() > 1 && honorific(t).is_none() && !is_title_word(t)
        })
        && !(named[0]..=*named.last().expect("two words")).any(|t| matches!(doc.token_text(t), "." | "\"" | "“" | "”"))
    {
        // (A place at its head stays a place: "Windsor Castle", "the Nebraska Baseball Hall of Fame".)
        if gazetteer::is_place(doc.token_text(named[0])) {
            return Parsed::Nothing;
        }
        return Parsed::Org { first: named[0], last: *named.last().expect("two words") };
    }
    // "Typhoon Herb", "Hurricane Andrew": a storm's name is no person's.
    if run.first > 0 && matches!(doc.token_text(run.first - 1), "Typhoon" | "Hurricane" | "Cyclone" | "Storm")
        || matches!(doc.token_text(words[0]), "Typhoon" | "Hurricane" | "Cyclone")
    {
        return Parsed::Nothing;
    }
    // "La Picota prison", "the Evin jail", "Walter Reed hospital": a name right before a
    // lower-case word for a building or a work is that place's name, no person's.
    if run.last + 1 < toks.len()
        && matches!(
            doc.token_text(run.last + 1),
            "prison" | "jail" | "hospital" | "airport" | "stadium" | "hotel" | "mosque" | "church" | "cathedral" | "temple"
                | "bridge" | "dam" | "refinery" | "factory" | "square" | "avenue" | "highway" | "airbase" | "shrine"
        )
        && doc.same_line(run.last, run.last + 1)
    {
        return Parsed::Nothing;
    }
    // "told Deutschlandfunk radio", "the Haaretz daily", "the Itar-Tass news agency": a name
    // right before a lower-case word for a medium is that medium; "a Wells Fargo branch",
    // "Volvo shares", "a Macy's store": before a word for a firm's parts or stock, the firm.
    if run.last + 1 < toks.len() && {
        let next = doc.token_text(run.last + 1);
        matches!(next, "radio" | "television" | "TV" | "newspaper" | "daily" | "weekly" | "magazine" | "agency")
            || matches!(next, "branch" | "branches" | "store" | "stores" | "shares" | "stock" | "subsidiary" | "dealership" | "outlet" | "outlets" | "franchise")
            // ("Williams team mate Jacques Villeneuve": in sports copy, a team.)
            || (sports.any && matches!(next, "team" | "teammate" | "team-mate"))
            || (next == "news" && toks.get(run.last + 2).is_some_and(|t| matches!(doc.slice(t.span), "agency" | "agencies")))
    } && doc.same_line(run.last, run.last + 1)
    {
        // (The name is the words in capitals at the run's end: not "English-language" or
        // "Boston-based" before it.)
        let last = *words.last().expect("non-empty");
        let name_word = |w: usize| {
            let t = doc.token_text(w);
            !is_function_word(t) && t.split('-').all(|p| p.starts_with(|c: char| c.is_uppercase()))
        };
        let first = words.iter().rev().copied().take_while(|&w| name_word(w)).last();
        // (A place's or a people's radio is the place's: "told Israel army radio", "Russian
        // television", "an English-language Beijing magazine".)
        if let Some(first) = first {
            let name = Span::new(toks[first].span.start, toks[last].span.end).text(doc.text);
            if !gazetteer::is_place(name) && !lexicon::is_demonym(name) {
                return Parsed::Org { first, last };
            }
        }
    }
    // "Tupac Amaru rebels", "Khmer Rouge guerrillas": a name right before a lower-case word
    // for armed fighters is their movement's, not a person's (unless it opens with a given
    // name or a title).
    if run.last + 1 < toks.len()
        && matches!(doc.token_text(run.last + 1), "rebels" | "guerrillas" | "guerrilla" | "militants" | "insurgents" | "separatists" | "militiamen")
        && doc.same_line(run.last, run.last + 1)
    {
        let named = without_function_words(doc, &words);
        if let (Some(&first), Some(&last)) = (named.first(), named.last()) {
            let w = doc.token_text(first);
            let name = Span::new(toks[first].span.start, toks[last].span.end).text(doc.text);
            if lexicon::first_name(w).is_none()
                && honorific(w).is_none()
                && !is_title_word(w)
                && named.iter().all(|&t| is_capitalised(doc.token_text(t)))
                && !gazetteer::is_place(name)
                && !lexicon::is_demonym(name)
            {
                return Parsed::Org { first, last };
            }
        }
    }
    // "Banco Santander chairman Emilio Botin", "Deutsche Telekom chief Ron Sommer": a name of
    // two words or more, not a person's (no known first name first, no known surname last),
    // right before a lower-case role and another name, is the one the person works for.
    // (One lower-case word may come before the role: "Tupac Amaru rebel leader Nestor Cerpa".)
    let role_then_name = |r: usize| {
        r + 1 < toks.len()
            && ROLE_NOUNS.contains(&doc.token_text(r))
            && toks[r + 1].kind == TokenKind::Word
            && is_capitalised(doc.token_text(r + 1))
            && doc.same_line(run.last, r + 1)
    };
    // "said Leeds manager Howard Wilkinson", "Lyon coach Paul Le Guen": in a match report, a
    // town right before a word for a club's people and a name is the club (as the places
    // layer reads it), not a person.
    if sports.any
        && words.len() == 1
        && before_club_people_named(doc, run.last)
        && gazetteer::entries(doc.token_text(words[0])).first().is_some_and(|e| e.kind == PlaceKind::City)
    {
        return Parsed::Org { first: words[0], last: words[0] };
    }
    if role_then_name(run.last + 1)
        || (role_then_name(run.last + 2)
            && toks.get(run.last + 1).is_some_and(|t| {
                let w = doc.slice(t.span);
                t.kind == TokenKind::Word && w.bytes().all(|b| b.is_ascii_lowercase()) && !is_function_word(w) && !matches!(w, "and" | "or" | "nor" | "but" | "as" | "than")
            }))
    {
        let named = without_function_words(doc, &words);
        let last = named.last().copied().unwrap_or(run.last);
        // (With its final period: "U.S. envoy Dennis Ross" names the place "U.S.", "U.N.
        // envoy Terje Rød" the organisation "U.N.", period and all.)
        let with_period = doc.period_after(last);
        if named.len() >= 2 && {
            let (a, b) = (doc.token_text(named[0]), doc.token_text(last));
            let name = Span::new(toks[named[0]].span.start, toks[last].span.end).text(doc.text);
            lexicon::first_name(a).is_none()
                && !lexicon::is_surname(b)
                && named.iter().all(|&w| !is_title_word(doc.token_text(w)) && honorific(doc.token_text(w)).is_none() && !lexicon::is_demonym(doc.token_text(w)))
                && !gazetteer::is_place(name)
                && !with_period.is_some_and(|p| gazetteer::is_place(&doc.text[toks[named[0]].span.start..toks[p].span.end]))
        } {
            let initials = doc.token_text(last).chars().count() == 1;
            return Parsed::Org { first: named[0], last: if initials { with_period.unwrap_or(last) } else { last } };
        }
    }
    // "analyst Egizio Bianchini of Nesbitt Burns said": a name right after a person's full
    // name and "of" is where the person works (not a place, not a known first name: "Mary
    // of Teck", "John of Gaunt" are left alone).
    if run.first >= 4
        && words.len() >= 2
        && full_name_before_of(doc, run.first).is_some_and(|(g, s)| {
            let (given, surname) = (doc.token_text(g), doc.token_text(s));
            let role_before = {
                let r = doc.token_text(run.first - 4);
                is_title_word(r) || ROLE_NOUNS.contains_lower_of(r)
            };
            (lexicon::first_name(given).is_some() || role_before) && !is_title_word(given) && honorific(given).is_none() && !is_common(surname, vocab)
        })
        && !is_function_word(doc.token_text(words[0]))
        && !gazetteer::is_place(Span::new(toks[words[0]].span.start, toks[*words.last().expect("non-empty")].span.end).text(doc.text))
    {
        return Parsed::Org { first: words[0], last: *words.last().expect("non-empty") };
    }
    // "St. Mary's Hospital", "St Patrick's and St Seachnail's Church", "St Seachnails Church",
    // "St. Anselm's College": a saint's name before a possessive, or one that ends with a word
    // for a church or an institution, names the building or the body, not the saint.
    if words.len() >= 2 && matches!(doc.token_text(words[0]), "St" | "Saint" | "Ste") && {
        let last = doc.token_text(*words.last().expect("two words"));
        matches!(last, "Church" | "Chapel" | "Parish") || INSTITUTION_WORDS.contains(&last) || possessive_at(doc, run.last + 1)
    } {
        return Parsed::Org { first: run.first, last: run.last };
    }
    // "Alan Shearer ( Newcastle ) , Dwight Yorke ( Aston Villa )": in sports copy, a name in
    // parentheses right after a player's is the club (a country is left to the places).
    // (Not an initial and a surname: a horse's jockey, "Brightwater ( K. Fallon )".)
    let initial_first = run.last > run.first
        && doc.token_text(run.first).chars().count() == 1
        && doc.period_after(run.first).is_some();
    if sports.any
        && !initial_first
        && in_parentheses_after_name(doc, run.first, run.last)
        && !gazetteer::is_place(Span::new(toks[run.first].span.start, toks[run.last].span.end).text(doc.text))
    {
        return Parsed::Org { first: run.first, last: run.last };
    }
    // "Commerzbank said", "the Bundesbank": one word ending in "bank" names a bank, not
    // someone (unless it is a surname: "Eubank", "Fairbank").
    if words.len() == 1 && {
        let w = doc.token_text(words[0]);
        w.len() >= 8 && w.ends_with("bank") && !lexicon::is_surname(w)
    } {
        return Parsed::Org { first: words[0], last: words[0] };
    }
    // "Vitesse Arnhem 1 Ajax 0": a name at the head of a results line is a team; so is one
    // between a driver's country and a time ("2. Tom Callard (Britain) Williams 1:24.381").
    // (A standings row's name holding a place and no given name is a team too: "VfB Stuttgart 6
    // 3 2 1 14 8 11"; a golfer's row is a person's, "Colin Montgomerie 66 65 70".)
    // (Nor, in a sports table whose other rows are teams, "Aston Villa 26 12 6 8 34 26 42".)
    let row = doc.table_row(run.first, run.last);
    let standings_team = || {
        row == Some(crate::text::TableRow::Standings)
            && ((words.iter().any(|&w| gazetteer::is_place(doc.token_text(w)))
                && !words.iter().any(|&w| lexicon::first_name(doc.token_text(w)).is_some()))
                || (sports.any && rows_around_are_teams(doc, run.first)))
    };
    // (Not in a list of a match's people: "Scorers: Sturridge 20, Solskjaer 41".)
    let results_row = row == Some(crate::text::TableRow::Results) && !listed_in_match_line(listed, run.first);
    if results_row || team_after_country(doc, run.first, run.last) || standings_team() {
        return Parsed::Org { first: run.first, last: run.last };
    }
    // Organisations first, before "New" or "National" is stripped as a common word.
    // (Not a day or a month before it: "Sunday Alexandria Police went …".)
    let lead = words.iter().position(|&w| !is_function_word(doc.token_text(w)) && !is_day_or_month(doc.token_text(w))).unwrap_or(words.len());
    if lead < words.len() {
        let (a, b) = (words[lead], *words.last().expect("non-empty"));
        let text = Span::new(toks[a].span.start, toks[b].span.end).text(doc.text);
        // (Not across a modal verb in a headline: "Peace Deal in Ukraine Will Center on …".)
        let modal_inside = || words[lead + 1..].iter().any(|&w| matches!(doc.token_text(w), "Will" | "Would" | "Could" | "Should" | "Must" | "Can" | "Shall"));
        let head_of = || words[lead..].windows(2).any(|p| heads_an_institution(doc, p[0]) && doc.token_text(p[1]) == "of");
        let org_head = b > a && (org_head_at(doc, b) || head_of()) && !modal_inside();
        // "Real Madrid", "Inter Milan", "Dynamo Kyiv": a club word before the club's town (in
        // sports copy, before any name: "Deportivo Coruna", "Real Sociedad"). "Royal Melbourne",
        // "Royal Troon": a club or its links, but only before a town ("Royal Ivey" is a person).
        let club = b > a && {
            let w = doc.token_text(a);
            let town_after = || gazetteer::is_place(Span::new(toks[words[lead + 1]].span.start, toks[b].span.end).text(doc.text));
            // ("PSV Eindhoven", "NAC Breda", "AZ Alkmaar": in sports copy, a club's letters
            // before its town.)
            let letters = || (2..=4).contains(&w.len()) && w.bytes().all(|c| c.is_ascii_uppercase());
            (is_club_word(w) && sports.any)
                || ((is_club_word(w) || w == "Royal" || (sports.any && letters())) && town_after())
                || club_and_town(doc, sports, a, b)
        };
        let is_place = || gazetteer::is_place(text);
        // "Johnson & Johnson", "Kempen & Co": names joined by an ampersand are a firm, unless
        // they are a place ("Trinidad & Tobago").
        // (The firm starts after a word such as "Northbrook-based", and after the state or
        // town of a public body, which stays a place: "Kentucky Fish & Wildlife".)
        if words[lead..].len() >= 2 && (a..b).any(|t| doc.token_text(t) == "&") {
            if is_place() {
                return Parsed::Nothing;
            }
            let amp = (a..b).find(|&t| doc.token_text(t) == "&").expect("found above");
            let mut start = lead;
            while words[start] + 1 < amp && {
                let w = doc.token_text(words[start]);
                w.split_once('-').is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase))
                    || (!crate::text::with_lower(w, crate::lexicon::is_common_word)
                        && !crate::lexicon::is_surname(w)
                        && gazetteer::entries(w).first().is_some_and(|e| matches!(e.kind, PlaceKind::Region | PlaceKind::Country)))
            } {
                start += 1;
            }
            return Parsed::Org { first: words[start], last: b };
        }
        // (A place whose name ends like an organisation's is still a place: "the West Bank",
        // "the Gaza Strip", "the Soviet Union".)
        if (ORG_NAMES.contains(&text) || org_head || club || team_or_firm(doc, &words[lead..])) && !is_place() {
            // (After a word such as "Rock Hill-based", which leaves its place a place.)
            let a = words[lead..]
                .iter()
                .rposition(|&w| doc.token_text(w).ends_with("-based"))
                .map_or(a, |at| words.get(lead + at + 1).copied().unwrap_or(a));
            return Parsed::Org { first: a.min(b), last: b };
        }
        // "of New York said": a run that is all one place of two words or more is that place,
        // even when its first word could be stripped as a common word ("New", "North").
        if b > a && !ORG_NAMES.contains(&text) && is_place() {
            return Parsed::Nothing;
        }
    }
    // "“…,” says Suckling": one capitalised word right after a quotation and its speech verb
    // names the speaker, even when it is also an English word.
    let quoted_speaker = words.len() == 1 && {
        let w = words[0];
        w >= 2
            && matches!(doc.token_text(w - 2), "”" | "\"" | "’" | "'" | "''")
            && attribution::lowers_to_cue_word(doc.token_text(w - 1))
    };
    // "Fortuna Sittard 1 ( Hamming 55 )": the scorer's slot names a player, whatever English
    // word the name also is.
    let scorer_slot = words.len() == 1 && scorer_in_parentheses(doc, words[0], words[0]);
    // ("Dean Jones", "Dean Kerridge": the given name, before a surname alone; "Dean Maria
    // Ortiz", "the Dean of Arts": the title.)
    let given_dean = words.len() == 2
        && doc.token_text(words[0]) == "Dean"
        && words[0] == run.first
        && !(run.first > 0 && matches!(doc.token_text(run.first - 1), "the" | "The" | "a" | "A"));
    let mut gender = Gender::Unknown;
    let mut evidence = 0u8;
    let mut k = 0;
    let mut full_k: Option<usize> = None;
    // Leading: common words, then titles, honorifics, demonyms, place names and place
    // acronyms ("US", "the United States Hamdullah Mohib").
    while k < words.len() {
        if words.len() - k > 2 {
            if let Some(m) = (k + 2..words.len() - 1).rev().take(4).find(|&m| {
                let span = Span::new(toks[words[k]].span.start, toks[words[m - 1]].span.end);
                gazetteer::is_place(span.text(doc.text))
            }) {
                k = m;
                continue;
            }
        }
        let w = doc.token_text(words[k]);
        let remaining = words.len() - k;
        if remaining > 1 {
            if let Some(g) = honorific(w) {
                if g != Gender::Unknown {
                    gender = g;
                }
                evidence = 3;
                full_k.get_or_insert(k);
                k += 1;
                continue;
            }
            // "Sri Lankan troops", "Costa Rican President …": the demonym of a place of two words.
            if compound_demonym(w, doc.token_text(words[k + 1])) {
                full_k.get_or_insert(k);
                k += 2;
                continue;
            }
            // "Dane Bjarne Riis", "Finn Mika Hakkinen", "Scot Colin Montgomerie": a demonym that is
            // also a given name, before a given name and a surname, is the demonym.
            let named_demonym = k == 0
                && remaining > 2
                && matches!(w, "Dane" | "Finn" | "Scot" | "Swede" | "Pole" | "Turk" | "Serb" | "Croat" | "Czech" | "Greek" | "Swiss")
                && lexicon::first_name(doc.token_text(words[1])).is_some();
            if (is_title_word(w) && !(k == 0 && given_dean)) || lexicon::is_demonym(w) || named_demonym || (is_all_caps(w) && gazetteer::is_place(w)) {
                if is_title_word(w) {
                    evidence = 3;
                }
                full_k.get_or_insert(k);
                k += 1;
                continue;
            }
        }
        // ("A. Stewart", "I. Novak": a letter and a period before a name is an initial.)
        // (Not a chapter's number: "CHAPTER I. Mrs. Rachel Lynde …".)
        let initial = remaining > 1
            && w.len() == 1
            && doc.period_after(words[k]).is_some_and(|p| doc.text[toks[p].span.end..].starts_with(' '))
            && !(honorific(doc.token_text(words[k + 1])).is_some() || is_title_word(doc.token_text(words[k + 1])))
            && !(words[k] > 0 && matches!(doc.token_text(words[k] - 1), "CHAPTER" | "Chapter" | "PART" | "Part" | "BOOK" | "Book"))
            ;
        // A letter of a dotted abbreviation of a place ("the U.S. Midwest", "Lodi, N.J.
        // Harmony's phone") is no initial and starts no name (unlike "J.K. Rowling").
        let abbreviation_letter = w.chars().count() == 1 && {
            let joined = |a: usize, b: usize| toks[a].span.end == toks[b].span.start;
            let letter = |t: usize| toks[t].kind == TokenKind::Word && doc.token_text(t).chars().count() == 1;
            let (mut a, mut b) = (words[k], words[k]);
            while a >= 2 && doc.token_text(a - 1) == "." && joined(a - 1, a) && joined(a - 2, a - 1) && letter(a - 2) {
                a -= 2;
            }
            while b + 2 < toks.len() && doc.token_text(b + 1) == "." && joined(b, b + 1) && joined(b + 1, b + 2) && letter(b + 2) {
                b += 2;
            }
            let end = if b + 1 < toks.len() && doc.token_text(b + 1) == "." && joined(b, b + 1) { b + 1 } else { b };
            let abbr = &doc.text[toks[a].span.start..toks[end].span.end];
            b > a && gazetteer::is_place(abbr)
        };
        // (It stays with the role before the name: "U.S. District Judge William Martini".)
        if abbreviation_letter {
            full_k.get_or_insert(k);
            k += 1;
            continue;
        }
        let given = remaining > 1 && never_a_name_but_given_here(doc, words[k]);
        if full_k.is_none() && !initial && ((NOT_NAMES.contains(&w) && !given) || (is_common(w, vocab) && lexicon::first_name(w).is_none() && !quoted_speaker && !scorer_slot))
            && !word_as_given_name(doc, toks, &words, k, vocab)
        {
            k += 1;
            continue;
        }
        // "Given Tunisia’s …", "Will Russia …": a sentence that opens with an English word
        // that is also a first name, then a place name.
        if k == 0 && remaining > 1 && full_k.is_none() && crate::text::with_lower(w, lexicon::is_common_word) {
            let starts_sentence = doc.starts_sentence(words[0]);
            let rest = Span::new(toks[words[1]].span.start, toks[*words.last().expect("non-empty")].span.end);
            if starts_sentence && gazetteer::is_place(rest.text(doc.text)) {
                k += 1;
                continue;
            }
        }
        break;
    }
    // A title deeper in the run ("Ukrainian President Volodymyr Zelenskyy"): the name follows the last one.
    if let Some(j) = (k..words.len().saturating_sub(1)).rev().find(|&j| {
        let w = doc.token_text(words[j]);
        (is_title_word(w) && !matches!(w, "of" | "the" | "for" | "and" | "US" | "UN" | "EU" | "UK") && !(j == 0 && given_dean))
            || honorific(w).is_some()
    }) {
        if let Some(g) = honorific(doc.token_text(words[j])) {
            if g != Gender::Unknown {
                gender = g;
            }
        }
        full_k.get_or_insert(k);
        k = j + 1;
        evidence = 3;
    }
    // In a longer run, the first known first name marks where the name starts:
    // "New York City Public Advocate Trish James".
    if words.len() - k >= 3 {
        // (Not a lower-case particle that a first-name list also holds: "Hamad bin Jassim".)
        if let Some(i) = (k + 1..words.len() - 1).find(|&i| is_capitalised(doc.token_text(words[i])) && lexicon::first_name(doc.token_text(words[i])).is_some()) {
            // (An initial before the first name is part of the name: "L. Ron Hubbard".)
            // (Not the last letter of "U.S.": "in the U.S. Jon Prinsell".)
            let is_initial = |j: usize| {
                let t = words[j];
                doc.token_text(t).chars().count() == 1
                    && !(t > 0 && doc.token_text(t - 1) == "." && toks[t - 1].span.end == toks[t].span.start)
            };
            // (Words before it that can only be a name keep their place in it: "Farouk Ben
            // Mustapha", where "Ben" is a first name as well as "son of".)
            let name_only = |j: usize| {
                let w = doc.token_text(words[j]);
                w.chars().count() > 2
                    && !is_all_caps(w)
                    && !is_common(w, vocab)
                    && !is_title_word(w)
                    && !lexicon::is_demonym(w)
                    && !gazetteer::is_place(w)
                    && !is_org_word(w)
                    // (Every part of a hyphenated name capitalised: "Jean-Yves", not "Editor-in-Chief".)
                    && w.split('-').all(|p| p.chars().next().is_some_and(char::is_uppercase))
            };
            // (Only where the name is plainly not English: an accented word before, "José
            // Antonio Meade", or a particle that is also a first name, "Ben", "Al".)
            let foreign = (k..i).any(|j| doc.token_text(words[j]).chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
                || matches!(doc.token_text(words[i]), "Ben" | "Bin" | "Al" | "El" | "Abu" | "Ibn" | "Abdel" | "Abd" | "Le" | "La" | "De" | "Van" | "Von");
            // (Nor one such word right after a title: "President Susilo Bambang Yudhoyono",
            // "spokesman Benali Cherif Abdelaziz".)
            let after_title = i == k + 1 && {
                let before = if k > 0 { Some(words[k - 1]) } else { words[0].checked_sub(1) };
                before.is_some_and(|t| is_title_word(&lexicon::title_case(doc.token_text(t))))
            };
            if (k..i).all(|j| lexicon::first_name(doc.token_text(words[j])).is_none()) && !is_initial(i - 1) && !((k..i).all(name_only) && (foreign || after_title)) {
                full_k.get_or_insert(k);
                k = i;
            }
        }
    }
    // Trailing common words ("Putin Last Week") and titles; but a first name and one more
    // word is a full name even when the surname is an English word ("Ben Jealous").
    let mut end = words.len();
    // "Mr. Tribe", "Sen. King", "Mrs. May": right after an honorific or an abbreviated title,
    // one word is the surname even when it is an English word.
    let after_honorific = k > 0 && k + 1 == words.len() && {
        let h = words[k - 1];
        let abbreviated = h + 1 < toks.len() && doc.token_text(h + 1) == "." && is_title_word(doc.token_text(h));
        honorific(doc.token_text(h)).is_some() || abbreviated
    };
    while end > k {
        let w = doc.token_text(words[end - 1]);
        // After a particle a word is the surname, English word or not: "Osama bin Laden",
        // "Vincent van Gogh".
        if end - k >= 3 && matches!(doc.token_text(words[end - 2]), "bin" | "ibn" | "van" | "von" | "al" | "el" | "ben" | "der" | "den")
            && !is_title_word(w) && !NOT_NAMES.contains(&w)
        {
            break;
        }
        if after_honorific && !NOT_NAMES.contains(&w) && !is_function_word(w) && !is_title_word(w) && !lexicon::is_demonym(w) {
            break;
        }
        // ("Kendall Fells told": a first name that is also a town, then a word and a speech verb.)
        let cue_after = || toks.get(words[end - 1] + 1).is_some_and(|t| attribution::lowers_to_cue_word(doc.slice(t.span)));
        // (A title or an honorific before them settles it too: "Lady Ada Quill", though Ada is a town.)
        // ("Theresa May said": a month that is a surname after a given name, with no date after it.)
        let month_surname = w == "May" && !toks.get(words[end - 1] + 1).is_some_and(|t| t.kind == TokenKind::Number || doc.slice(t.span) == ",");
        // ("Australian Patrick Rafter": a people's adjective before the given name settles it
        // too, though Patrick is a region of the Isle of Man and a rafter a beam.)
        let demonym_before = || words[k] > 0 && lexicon::is_demonym(doc.token_text(words[k] - 1));
        if end - k == 2
            && lexicon::first_name(doc.token_text(words[k])).is_some()
            && (!place_of_note(doc.token_text(words[k])) || cue_after() || evidence >= 3 || demonym_before())
            && (!NOT_NAMES.contains(&w) || month_surname || (lexicon::is_surname(w) && toks.get(words[end - 1] + 1).is_some_and(|t| doc.slice(t.span) == ",")))
            && !is_title_word(w) && !lexicon::is_demonym(w) && vocab_rank_ok(w)
        {
            break;
        }
        // ("Radomir Antic said": a given name no list knows, then an English word that this
        // text never writes in lower case, and a speech verb.)
        if end - k == 2 && cue_after() && {
            let g = doc.token_text(words[k]);
            lexicon::first_name(g).is_none()
                && !is_common(g, vocab)
                && !gazetteer::is_place(g)
                && !is_title_word(g)
                && !lexicon::is_demonym(g)
                && !NOT_NAMES.contains(&g)
                && !is_all_caps(g)
                && !is_org_word(g)
                && !crate::text::with_lower(g, lexicon::is_common_word)
                // (Not a thing's name: "The Daily Beast", "a lover of Dunnet Landing", "the
                // Center for Nonproliferation Studies".)
                && !(words[k] > 0 && matches!(doc.token_text(words[k] - 1), "the" | "The" | "a" | "an" | "of" | "for" | "at" | "in"))
        } && !NOT_NAMES.contains(&w)
            && !(w.ends_with('s') && !lexicon::is_surname(w))
            && !is_title_word(w)
            && !lexicon::is_demonym(w)
            && !is_org_word(w)
            && vocab_rank_ok(w)
            && !crate::text::with_lower(w, |l| vocab.contains(l))
        {
            break;
        }
        // "Peter T. King", "John Major": a title word that is also a surname ends a name
        // after an initial or a first name.
        let surname_after_given = end - k >= 2 && (full_k.is_none() || evidence >= 3) && is_title_word(w) && lexicon::is_surname(w) && {
            let prev = doc.token_text(words[end - 2]);
            (prev.chars().count() == 1 && is_capitalised(prev))
                || (end - 2 == k && lexicon::first_name(prev).is_some() && !is_title_word(prev) && !place_before_first_name(prev))
        };
        if surname_after_given {
            break;
        }
        // "Paul R. Pillar", "Laurence H. Tribe": after a first name and a middle initial, the
        // word is the surname, English word or not.
        let after_middle_initial = end - k >= 3 && {
            let initial = words[end - 2];
            let i = doc.token_text(initial);
            i.len() == 1
                && is_capitalised(i)
                && doc.period_after(initial).is_some()
                && lexicon::first_name(doc.token_text(words[end - 3])).is_some()
        };
        if after_middle_initial && !NOT_NAMES.contains(&w) && !is_title_word(w) && !lexicon::is_demonym(w) && !is_function_word(w) {
            break;
        }
        if NOT_NAMES.contains(&w) || (is_common(w, vocab) && lexicon::first_name(w).is_none() && !quoted_speaker && !scorer_slot) || is_title_word(w) || lexicon::is_demonym(w) {
            end -= 1;
        } else {
            break;
        }
    }
    if k >= end {
        return Parsed::Nothing;
    }
    // "Christian Aid", "Islamic Jihad": one word left after a faith's adjective right before
    // it names a body, unless it is a known surname.
    if end - k == 1
        && k > 0
        && words[k] == words[k - 1] + 1
        && matches!(doc.token_text(words[k - 1]), "Christian" | "Islamic" | "Muslim" | "Jewish" | "Catholic" | "Protestant" | "Hindu" | "Buddhist" | "Sikh")
        && !lexicon::is_surname(doc.token_text(words[k]))
    {
        return Parsed::Nothing;
    }
    // "the Pan Pacific Open", "the Davis Cup", "the Nobel Prize": a name right before the word
    // for a sporting event or a prize names the event, not a person.
    if end < words.len() && words[end] == words[end - 1] + 1 && EVENT_WORDS.contains(&doc.token_text(words[end])) {
        return Parsed::Nothing;
    }
    let name_words = &words[k..end];
    // "the Tour de France", "Rio de Janeiro": a particle and a place is no name.
    if name_words.len() >= 2
        && PARTICLES.contains(doc.token_text(name_words[0]))
        && gazetteer::is_place(Span::new(toks[name_words[1]].span.start, toks[*name_words.last().expect("two words")].span.end).text(doc.text))
    {
        return Parsed::Nothing;
    }
    // "Banque de France", "Gaz de France", "Credit du Nord": a word that is no given name, a
    // particle, then a country or a region is an institution's name (not "Charles de Gaulle",
    // "Jeanne d'Arc").
    if let [a, p, rest @ ..] = name_words {
        if !rest.is_empty()
            && matches!(doc.token_text(*p), "de" | "du" | "des" | "del" | "della" | "di" | "da" | "do")
            && lexicon::first_name(doc.token_text(*a)).is_none()
            && honorific(doc.token_text(*a)).is_none()
            && !is_title_word(doc.token_text(*a))
            && gazetteer::entries(Span::new(toks[rest[0]].span.start, toks[*rest.last().expect("non-empty")].span.end).text(doc.text))
                .first()
                .is_some_and(|e| matches!(e.kind, PlaceKind::Country | PlaceKind::Region))
        {
            return Parsed::Org { first: *a, last: *rest.last().expect("non-empty") };
        }
    }
    // "St" alone is the Saint of a place or a name cut short ("St. Louis"), no person.
    if name_words.len() == 1 && matches!(doc.token_text(name_words[0]), "St" | "Ste") {
        return Parsed::Nothing;
    }
    // "Former Vermont governor …": a word that only qualifies a title, before a lone country
    // or state, names no person.
    if name_words.len() == 1 && k > 0 && matches!(doc.token_text(words[k - 1]), "Former" | "Ex" | "Late" | "Then" | "Acting" | "Interim" | "Outgoing" | "Incoming")
        && gazetteer::entries(doc.token_text(name_words[0])).iter().any(|e| matches!(e.kind, crate::model::PlaceKind::Country | crate::model::PlaceKind::Region))
    {
        return Parsed::Nothing;
    }
    // "Mr. Waymarsh of Milrose Connecticut": an unknown word before a country or a state
    // names a town of it, not a person.
    if let [a, b] = name_words {
        let (wa, wb) = (doc.token_text(*a), doc.token_text(*b));
        if lexicon::first_name(wa).is_none()
            && !lexicon::is_surname(wb)
            && lexicon::first_name(wb).is_none()
            && gazetteer::entries(wb).iter().any(|e| {
                e.kind == crate::model::PlaceKind::Country || (e.kind == crate::model::PlaceKind::Region && e.in_english_news_country() && !e.small)
            })
        {
            return Parsed::Nothing;
        }
    }
    // "Ozark Dodge", "Brelton Hardware": a town of an English-speaking country that is no
    // one's first name or surname, then one more word, with no title before them, is a
    // business of that town, not a person: the town is left to the places layer.
    if let [a, _] = name_words {
        if evidence < 3 && crate::places::english_town_named_like_nobody(doc.token_text(*a)).is_some() {
            return Parsed::Nothing;
        }
    }
    let first = name_words[0];
    let mut last = *name_words.last().expect("non-empty");
    // A trailing period belongs to an initial only.
    if last < run.last && doc.token_text(last + 1) == "." && doc.token_text(last).chars().count() == 1 {
        last += 1;
    }
    let span = Span::new(toks[first].span.start, toks[last].span.end);
    let text = span.text(doc.text);
    let last_word = doc.token_text(*name_words.last().expect("non-empty"));
    if ORG_NAMES.contains(&text)
        || (name_words.len() >= 2 && (org_head_at(doc, *name_words.last().expect("non-empty")) || FIRM_OPENERS.contains(&doc.token_text(first))))
    {
        return Parsed::Org { first, last };
    }
    // ("Credit Suisse", "Credit Lyonnais": an English word that opens a firm's name.)
    if first > run.first && FIRM_OPENERS.contains(&doc.token_text(first - 1)) {
        return Parsed::Org { first: first - 1, last };
    }
    // "Chelsea beat Everton 2-1": in a football report, a lone name beside a result verb with
    // a score after it is a team.
    // (A nation stays a place: see the places layer.)
    let nation = || {
        matches!(text, "England" | "Scotland" | "Wales")
            || gazetteer::entries(text).first().is_some_and(|e| e.kind == PlaceKind::Country)
    };
    // (In a Title Case headline too, and in a sentence full of clubs' names that reads as one:
    // "Charlton beat Crystal Palace 2-0 at The Valley and Nottingham Forest lost …".)
    if sports.football && name_words.len() == 1 && (team_beside_result(doc, first) || team_in_result_phrase(doc, first, last)) && !nation() {
        return Parsed::Org { first, last };
    }
    // "a circle called the Inner Ring", "near the Bat Cave": after a lower-case "the",
    // words in Title Case with no title, no known first name and no place in them name a
    // thing, not a person. Initials ("the U.N.") and names with a place in them ("the
    // Volgograd Arena", whose place is part of the name) are left to the rules below.
    if full_k.is_none() && first == words[0] && first > 0 && doc.token_text(first - 1) == "the"
        && name_words.len() >= 2 && lexicon::first_name(doc.token_text(first)).is_none()
        && !name_words.iter().any(|&w| gazetteer::is_place(doc.token_text(w)) || !doc.token_text(w).chars().any(char::is_lowercase))
    {
        return Parsed::Nothing;
    }
    // ("Marty West", "Mary North": a direction after a known first name is a surname.)
    let direction_surname = matches!(name_words, [a, b] if matches!(doc.token_text(*b), "North" | "South" | "East" | "West")
        && lexicon::first_name(doc.token_text(*a)).is_some()
        && !gazetteer::is_place(doc.token_text(*a)));
    if !direction_surname && name_words.iter().any(|&w| is_org_word(doc.token_text(w))) {
        return Parsed::Nothing;
    }
    // A determiner or a pronoun is no part of a name: "We Cannot Win This Way", "Make Our
    // Town Great".
    if name_words[1..].iter().any(|&w| {
        matches!(doc.token_text(w), "This" | "That" | "These" | "Those" | "Our" | "Your" | "My" | "Its" | "Their" | "We" | "You" | "It" | "Every" | "Any")
    }) {
        return Parsed::Nothing;
    }
    // "Black Sea-only": a name that runs into a lower-case word by a hyphen is not a person's.
    if doc.token_text(last).split_once('-').is_some_and(|(_, b)| {
        b.chars().next().is_some_and(char::is_lowercase) && b.chars().count() >= 4 && lexicon::is_common_word(b)
    }) {
        return Parsed::Nothing;
    }
    if name_words.iter().any(|&w| is_all_caps(doc.token_text(w))) && evidence < 3 {
        // Acronyms are organisations ("NATO", "MWW") or places ("US"), not people.
        let titled: String = text.chars().enumerate().map(|(k, c)| if k == 0 { c } else { c.to_lowercase().next().unwrap_or(c) }).collect();
        let is_place = gazetteer::is_place(text) || gazetteer::is_place(&titled) || lexicon::is_demonym(text)
            || crate::model::overlapping(places, span, places_longest, |p| p.span).next().is_some();
        return if name_words.len() == 1 && !is_place && !headline && text.chars().count() <= 6 && !on_capitals_line(doc, first) {
            Parsed::Org { first, last }
        } else {
            Parsed::Nothing
        };
    }
    // "Paris-Roubaix", "Milan-San Remo": places joined by hyphens name a race or a route, not
    // a person (one of them no given name: not "Jean-Pierre").
    if text.contains('-') && {
        let segs: Vec<&str> = text.split('-').collect();
        segs.len() >= 2
            && segs.iter().all(|s| is_capitalised(s) && gazetteer::is_place(s))
            && segs.iter().any(|s| lexicon::first_name(s).is_none())
    } {
        return Parsed::Nothing;
    }
    // "Greece Italy", "DPRK-South Korea": countries side by side (a missing comma, a hyphen).
    let mut parts = text.split(|c: char| c == '-' || c.is_whitespace()).filter(|p| !p.is_empty()).peekable();
    // (Cheap test first: a run whose first word starts no place name is skipped.)
    if parts.peek().is_some_and(|p| gazetteer::reach(p) > 0) {
        let parts: Vec<&str> = parts.collect();
        let country = |s: &str| gazetteer::entries(s).iter().any(|e| matches!(e.kind, PlaceKind::Country | PlaceKind::Continent));
        let mut n = 0;
        let mut k = 0;
        while k < parts.len() {
            // A country of two words ("South Korea") or of one.
            if k + 1 < parts.len() && country(&format!("{} {}", parts[k], parts[k + 1])) {
                k += 2;
            } else if country(parts[k]) {
                k += 1;
            } else {
                break;
            }
            n += 1;
        }
        if n >= 2 && k == parts.len() {
            return Parsed::Nothing;
        }
    }
    let full_first = full_k.map_or(first, |fk| words[fk]);
    // A full place name is not a person unless a title says so ("Paris" vs "Mr. Paris").
    // (A place that holds the whole run counts too: "W.Va." for the run "W.Va".)
    let in_place_here = crate::model::overlapping(places, span, places_longest, |p| p.span).any(|p| p.span.contains(span));
    let is_place = in_place_here || gazetteer::is_place(text);
    // Only a title or an honorific makes a full place name a person ("Mr. Paris"): a first
    // name inside it does not ("Saint Petersburg", "Victoria").
    let titled = evidence >= 3;
    // "towards Jabalia and Beit Lahiya": the next item of a list of places, with no title and
    // no first name, is a place the gazetteer lacks, not a person.
    // (Not a name shaped like a person's, with initials or a particle, "Mandela and F.W. de
    // Klerk"; nor after a person's full name, "Nelson Mandela and …".)
    let person_shaped = || (first..=last).any(|t| {
        let w = doc.token_text(t);
        PARTICLES.contains(&w) || (w.len() == 1 && is_capitalised(w) && toks.get(t + 1).is_some_and(|n| doc.slice(n.span) == "."))
    });
    if !titled && full_k.is_none() && first == words[0] && first >= 2
        && matches!(doc.token_text(first - 1), "and" | "or")
        && lexicon::first_name(doc.token_text(first)).is_none()
        && !person_shaped()
        && !(first >= 3
            && toks[first - 3].kind == TokenKind::Word
            && is_capitalised(doc.token_text(first - 3))
            && lexicon::first_name(doc.token_text(first - 3)).is_some()
            && doc.same_line(first - 3, first))
    {
        let before = Span::new(toks[first - 2].span.start, toks[first - 2].span.end);
        if crate::model::overlapping(places, before, places_longest, |p| p.span).any(|p| p.span.end == before.end) {
            return Parsed::Nothing;
        }
    }
    if let Some(g) = lexicon::first_name(doc.token_text(first)) {
        if name_words.len() >= 2 {
            evidence = evidence.max(3);
            // (A family name that comes first, "Park Min-ji", says nothing of the sex.)
            if gender == Gender::Unknown && !FAMILY_NAME_FIRST.contains(doc.token_text(first)) {
                gender = g;
            }
        }
    }
    if name_words.len() >= 2 {
        // (In a Title Case headline only after a known first name: "Democrats Block Border Bill".)
        if lexicon::is_surname(last_word) && (!headline || lexicon::first_name(doc.token_text(first)).is_some()) {
            evidence = evidence.max(2);
        }
        // Two or more capitalised words that are not ordinary words: most likely a name,
        // unless the sentence is a headline in Title Case.
        if !is_place && !headline {
            evidence = evidence.max(2);
        }
    }
    // A single word shaped like an abstract noun ("Scientology", "Brexitism", "Modernity")
    // is nobody, speech verb or not ("within Scientology called the Sea Org").
    let noun_shaped = name_words.len() == 1 && {
        let w = doc.token_text(first);
        ["ology", "ism", "ity", "tion", "sion"].iter().any(|s| w.len() > s.len() + 2 && w.ends_with(s))
            && !lexicon::is_surname(w)
            && lexicon::first_name(w).is_none()
    };
    // "Clinton aide Huma Abedin", "Trump adviser Kellyanne Conway": a lone surname right
    // before a word for someone who works for a person, and that person's name, is the
    // employer's name (a person's: a firm's or a club's are read above).
    if name_words.len() == 1
        && !headline
        && last + 2 < toks.len()
        && matches!(doc.token_text(last + 1), "aide" | "aides" | "adviser" | "advisers" | "advisor" | "advisors" | "spokesman" | "spokeswoman" | "spokesperson" | "confidant" | "loyalist" | "loyalists" | "ally" | "allies")
        && toks[last + 2].kind == TokenKind::Word
        && is_capitalised(doc.token_text(last + 2))
        && doc.same_line(last, last + 2)
        && lexicon::is_surname(last_word)
    {
        evidence = evidence.max(2);
    }
    // "envoy Halvorsen", "coach Venables", "striker Okonkwo": a lone surname, written as a
    // name and no place, right after a person's role in lower case. (Not after a role that also
    // qualifies a thing or a place: "official Washington", "chief Rabbi", "head Office".)
    if name_words.len() == 1
        && !headline
        && !is_place
        && first > 0
        && ROLE_NOUNS.contains(doc.token_text(first - 1))
        && !matches!(doc.token_text(first - 1), "official" | "chief" | "head" | "executive" | "leader" | "general" | "representative" | "candidate")
        && shaped_as_a_name(last_word)
        // (A given name there, "his mother Michelle", is found so already; an English word
        // is not enough, "a professor Emeritus".)
        && lexicon::first_name(last_word).is_none()
        && !is_common(last_word, vocab)
    {
        evidence = evidence.max(2);
    }
    // "Arafat's wife", "Yeltsin's aides", "Dole's running mate": a lone name, written as
    // a name, whose possessive is followed by a word only a person has.
    if name_words.len() == 1
        && !headline
        && last + 2 < toks.len()
        && possessive_at(doc, last + 1)
        && (PERSONAL_BELONGINGS.contains(doc.token_text(last + 2))
            || (doc.token_text(last + 2) == "running" && last + 3 < toks.len() && doc.token_text(last + 3) == "mate"))
        && shaped_as_a_name(last_word)
    {
        evidence = evidence.max(2);
    }
    // A speech verb right before the name: "said Dorrance", "said old Dorrance".
    if !noun_shaped {
        let mut b = full_k.map_or(first, |fk| words[fk]);
        if b > 0 && matches!(doc.token_text(b - 1), "old" | "young" | "little" | "poor" | "dear" | "the") {
            // "poor Florence", "old Taylor, the gardener": a word of pity or fondness before a
            // lone name marks a person.
            if name_words.len() == 1 && doc.token_text(b - 1) != "the" && !headline {
                evidence = evidence.max(2);
            }
            b -= 1;
        }
        if b > 0 && attribution::lowers_to_cue_word(doc.token_text(b - 1)) && !headline {
            evidence = evidence.max(2);
        }
        // "Kohl met Yeltsin in Moscow": a lone name that someone met is a person too; so,
        // outside sports copy (where teams meet), is one that someone will meet, meets with,
        // briefs or is hosted by ("to brief Assad", "hosted by Mubarak"), when the name is
        // written as a name ("Clinton", not "NGOs" nor "HuffPost") and ends its phrase (not
        // "meets with Hampton pupils").
        if first > 1 && name_words.len() == 1 && !headline && doc.tokens[first - 2].kind == TokenKind::Word && {
            let (before, prev) = (doc.token_text(first - 2), doc.token_text(first - 1));
            matches!(prev, "met" | "meets")
                || (!sports.any
                    && (matches!(prev, "meet" | "brief" | "briefed" | "briefs")
                        || (prev == "with" && matches!(before, "meet" | "meets" | "met" | "meeting"))
                        || (prev == "by" && matches!(before, "hosted" | "greeted" | "briefed")))
                    && shaped_as_a_name(last_word)
                    && toks.get(last + 1).is_none_or(|t| t.kind != TokenKind::Word || PHRASE_ENDS.contains(doc.token_text(last + 1))))
        } {
            evidence = evidence.max(2);
        }
    }
    // (As sure as a title, for an English word that would otherwise be dropped: "says Suckling".)
    if (quoted_speaker || scorer_slot) && is_common(doc.token_text(first), vocab) {
        evidence = 3;
    }
    // "Scorers: Ronaldo (23rd minute), Bebeto (67)", "Referee: Pierluigi Collina": the names
    // of a line of a match report that opens with a list word and a colon are people's.
    // (Not the team after "for": "Boksic (80th) for Juventus; Weah (34th) for Milan".)
    let for_team = first > 0 && doc.token_text(first - 1) == "for";
    let in_match_list = !headline
        && (listed_in_match_line(listed, first) && !for_team || in_batting_line(doc, run.first) || scorer_in_parentheses(doc, first, last));
    if in_match_list {
        evidence = evidence.max(2);
    }
    // In a match report, a lone name after a player's role ("goalkeeper Southall"), before
    // what only players do ("Zola struck again", "Speed limped off", "Hinchcliffe and
    // Unsworth were booked") or after "a pass from" is a player's.
    // In tennis, the one beaten by a score is a player too ("who beat Kafelnikov 6-3 6-2").
    let in_match_list = in_match_list
        || (sports.any && !headline && name_words.len() == 1 && player_context(doc, first, last))
        || (sports.singles && !headline && name_words.len() == 1 && team_beside_result(doc, first))
        // A lone word that can only be a surname: no place, no first name, no English word
        // ("Jenkins will again kick for goal"), alone in its run of capitals (not "Getty
        // Images"), and not where a team stands ("third for Ferrari", "Williams team mate").
        || (sports.any
            && !headline
            && name_words.len() == 1
            && run.first == first
            && run.last == last
            && !(first > 0 && matches!(doc.token_text(first - 1), "for" | "against"))
            && !(last + 1 < toks.len() && (is_club_people_word(doc.token_text(last + 1)) || doc.token_text(last + 1) == "team-mate"))
            && !is_place
            && lexicon::is_surname(last_word)
            && lexicon::first_name(last_word).is_none()
            && !is_english_word(last_word, vocab));
    if in_match_list {
        evidence = evidence.max(2);
    }
    // A speech verb right after the name ("…, said Juliette Touma": not when a name follows
    // the verb after a comma, which makes it that name's: "Jabalia and Beit Lahiya, said …").
    if last + 1 < toks.len() && !noun_shaped {
        let mut n = last + 1;
        let comma = doc.token_text(n) == ",";
        if comma {
            n = skip_apposition(doc, n).unwrap_or(n);
        }
        let inverted = comma
            && toks.get(n + 1).is_some_and(|t| {
                let w = doc.slice(t.span);
                t.kind == TokenKind::Word && is_capitalised(w) && !never_starts_a_name(w) && !is_title_word(w)
            });
        // (An adverb may stand between: "Cruz openly admitted".)
        if !comma && n + 1 < toks.len() && {
            let w = doc.token_text(n);
            w.len() > 4 && w.ends_with("ly") && w.bytes().all(|b| b.is_ascii_lowercase())
        } {
            n += 1;
        }
        // (Not a lone word after a place's preposition, whose apposition belongs to the one
        // named before it: "a farmer from Kesselby, who asked not to be named, said …", "a
        // Muslim from Vanni, who …".)
        let after_place_word = name_words.len() == 1 && first > 0 && matches!(doc.token_text(first - 1), "from" | "in" | "of" | "at" | "near" | "to");
        if n < toks.len() && attribution::lowers_to_cue_word(doc.token_text(n)) && !headline && !inverted && !(comma && after_place_word) && !reports_accounts(doc, n) {
            evidence = evidence.max(2);
        }
        // "Yeltsin, who is on holiday, …": a relative "who" right after the name's comma (not
        // for a plural, "the Mormons, who …", a group).
        let plural = last_word.ends_with('s') && !lexicon::is_surname(last_word);
        if comma && !headline && !plural && !after_place_word && doc.tokens.get(last + 2).is_some_and(|t| doc.slice(t.span) == "who") {
            evidence = evidence.max(2);
        }
        // "Nano, the Socialist leader, …", "Ozawa, a former finance minister, …": an
        // apposition that is a person's role.
        if comma && !headline && !plural && !after_place_word && name_words.len() == 1 && role_apposition(doc, last + 1) {
            evidence = evidence.max(2);
        }
        // "Yeltsin, 65, underwent surgery", "Pardo, 42, said": an age between commas.
        if comma && !headline && !plural && !after_place_word && age_between_commas(doc, last + 1) {
            evidence = evidence.max(2);
        }
        // Where the subject of a verb only people do stands: at a sentence's start, or, outside
        // sports copy (where teams meet and visit), after a conjunction ("since Netanyahu met
        // Arafat", "when Mubarak visited Damascus").
        let opens_act_clause = |t: usize| doc.starts_sentence(t) || (!sports.any && after_subordinator(doc, t));
        // A lone word that opens such a clause before a verb only people do: "Netanyahu met
        // Arafat on Wednesday", "Ogden shrugged".
        if !comma && !headline && name_words.len() == 1 && n < toks.len() && ACTS.contains(doc.token_text(n)) && opens_act_clause(first) {
            evidence = evidence.max(2);
        }
        // "Kovrigin has said", "Petrenko had met the envoy", "Delmont has resigned": the same
        // after "has" or "had" (and a speech verb so anywhere, as without them).
        // (Written as a name, not "HuffPost has noted"; not a source after "from", "data from
        // Nielsen has suggested".)
        if !comma
            && !headline
            && name_words.len() == 1
            && shaped_as_a_name(last_word)
            && !(first > 0 && matches!(doc.token_text(first - 1), "from" | "by" | "of"))
            && matches!(doc.token_text_or_empty(n), "has" | "had")
        {
            let mut m = n + 1;
            if matches!(doc.token_text_or_empty(m), "also" | "already" | "repeatedly" | "previously" | "since" | "now" | "never" | "not") {
                m += 1;
            }
            let w = doc.token_text_or_empty(m);
            if (attribution::lowers_to_cue_word(w) && !reports_accounts(doc, m))
                || (ACTS.contains(w) && opens_act_clause(first))
            {
                evidence = evidence.max(2);
            }
        }
        // "Orlov was elected in June", "Sarkin was sworn in": at a sentence's start, what only
        // happens to people, outside sports copy (where a team is "beaten").
        if !comma
            && !headline
            && !sports.any
            && name_words.len() == 1
            && shaped_as_a_name(last_word)
            && doc.starts_sentence(first)
            && matches!(doc.token_text_or_empty(n), "was" | "has" | "had")
            && {
                let mut m = n + 1;
                if doc.token_text_or_empty(m) == "been" {
                    m += 1;
                }
                PERSONAL_PASSIVES.contains(doc.token_text_or_empty(m))
            }
        {
            evidence = evidence.max(2);
        }
        // … or before such a verb in the future ("Netanyahu is due to meet Clinton",
        // "…, and Kovrigin will visit Bonn"), outside sports copy, where teams meet and visit.
        let opens_clause = || {
            doc.starts_sentence(first) || (first >= 2 && matches!(doc.token_text(first - 1), "and" | "but") && doc.token_text(first - 2) == ",") || after_subordinator(doc, first)
        };
        if !comma && !headline && !sports.any && name_words.len() == 1 && shaped_as_a_name(last_word) && future_act_at(doc, n) && opens_clause() {
            evidence = evidence.max(2);
        }
        // Two lone words joined by "and" that open their sentence, or a clause after a
        // conjunction, before such a verb: "Netanyahu and Arafat shook hands", "since Netanyahu
        // and Arafat met".
        let act = |k: usize| k < toks.len() && ACTS.contains(doc.token_text(k));
        if !comma
            && !headline
            && name_words.len() == 1
            && pair_before(doc, first, last, act).is_some_and(opens_act_clause)
        {
            evidence = evidence.max(2);
        }
    }
    if is_place && !titled {
        // A lone place name can still be a person: a known person's name ("Rubio" after
        // "Marco Rubio", "Jordan" after "Jordan Peterson") joins that entity; a town's name
        // followed by a speech verb ("Scarborough said") is a person. Countries and capitals
        // stay places ("Washington said").
        // "in Shiraz, Mohammad Farokhzadeh, told …": after a place preposition it is the place.
        let after_place_preposition = first > 0 && matches!(doc.token_text(first - 1), "in" | "near" | "from" | "outside" | "across");
        // "neighborhoods of Shiraz, the agency reported": "of" after a noun of places.
        let of_place = first > 1
            && doc.token_text(first - 1) == "of"
            && matches!(
                doc.token_text(first - 2),
                "city" | "town" | "village" | "province" | "region" | "state" | "outskirts" | "neighborhoods"
                    | "neighbourhoods" | "streets" | "suburbs" | "capital" | "port" | "county" | "district" | "residents"
            );
        // "Oxford, North Carolina, described …": a state or country after a comma (not its
        // possessive, which opens a role: "Atherton, England's captain, …").
        let then_region = last + 2 < toks.len()
            && doc.token_text(last + 1) == ","
            && !possessive_at(doc, last + 3)
            && crate::places::place_name_at(doc, last + 2)
                .is_some_and(|e| e.iter().any(|p| matches!(p.kind, PlaceKind::Region | PlaceKind::Country) && p.country.is_some()));
        // "Ian Jett, 30, of Platte City", "Stephen Davis, of Chiefland": a home town after a
        // person's name (and age).
        // ("Tomas Brel of Leeds said": a place the gazetteer knows, after a full name and "of",
        // with no comma, too.)
        let home_town = crate::places::after_person_of(doc, first)
            || full_name_before_of(doc, first).is_some_and(|(g, _)| lexicon::first_name(doc.token_text(g)).is_some());
        if ((name_words.len() == 1 && (after_place_preposition || of_place || then_region)) || home_town) && !titled {
            return Parsed::Nothing;
        }
        if name_words.len() == 1 {
            // (A division far from English-language news named like a common first name is
            // no major place, "Mary", a province of Turkmenistan, unless the places layer found
            // it, or a longer place holding it ("Jammu and Kashmir"), right here.)
            let named_like_a_woman_or_man = lexicon::first_name(text).is_some() && !in_place_here;
            let major = gazetteer::entries(text).iter().any(|e| {
                e.capital
                    || matches!(e.kind, PlaceKind::Country | PlaceKind::Continent)
                    || (e.kind == PlaceKind::Region && (!named_like_a_woman_or_man || e.in_english_news_country()))
            });
            // (A town named like nobody that "says" something is the town: "Gainesville says no
            // to discrimination"; "Scarborough said" is a person, a surname.)
            // (Nor does a lesser foreign town, whose council would speak: "Mandela has called
            // for sanctions" is the man, not the town of Ghana; not in a match report, where
            // clubs speak: "Marseille said it would sign …".)
            let named_like_someone = lexicon::first_name(text).is_some()
                || lexicon::is_surname(text)
                || (!sports.any && {
                    // (A speech verb, not any act: "Ghent arrived later" is the town.)
                    let verb = if matches!(doc.token_text_or_empty(last + 1), "has" | "had") { last + 2 } else { last + 1 };
                    let towns = gazetteer::entries(text);
                    attribution::lowers_to_cue_word(doc.token_text_or_empty(verb))
                        && !towns.is_empty()
                        && towns.iter().all(|e| e.kind == PlaceKind::City && !e.in_english_news_country() && e.size < 22)
                });
            // (A scorer's or a batsman's place in a match report is a person's too, whatever
            // town shares the name: "( Sheringham 12 , Howells 77 )".)
            let speaks = evidence >= 2 && !headline && (named_like_someone || titled || in_match_list);
            // (Even a capital's or a country's name, in a scorer's place: "Coventry 1 (Dublin
            // 55)", "(Jordan 12)".)
            // (And a fielder's: "caught by Lara", whatever state of Venezuela shares the name.)
            // (And a scorer's in a list of goalscorers, before a club in parentheses that is no
            // country or region: "3 - Dublin (Coventry)".)
            let listed_with_club = || {
                first > 0
                    && matches!(doc.token_text(first - 1), "-" | "–" | "," | ";")
                    && side_in_parentheses_after(doc, last).is_some_and(|side| {
                        let name = Span::new(toks[side.start].span.start, toks[side.end - 1].span.end).text(doc.text);
                        !gazetteer::entries(name).iter().any(|e| matches!(e.kind, PlaceKind::Country | PlaceKind::Region | PlaceKind::Continent))
                    })
            };
            let scorer = !headline && (scorer_in_parentheses(doc, first, last) || (sports.any && (fielder_at(doc, first) || listed_with_club())));
            if !major || scorer {
                return Parsed::Person { first, last, full_first: first, gender, role: None, evidence: if speaks { 2 } else { 0 } };
            }
            // A subject before a verb ("Lara shared a stand" after "Brian Lara"), unless the
            // place is one that news makes a subject ("Jordan has denied", "Missouri had the
            // fewest delegates": a country, a capital, a state of an English-speaking country).
            let subject = || {
                subject_of_a_verb(doc, first)
                    && !gazetteer::entries(text).iter().any(|e| {
                        e.capital || e.kind == PlaceKind::Country || (e.kind == PlaceKind::Region && e.in_english_news_country())
                    })
            };
            if speaks || subject() {
                // "Jordan said" after "Jordan Peterson": only joins a known person.
                return Parsed::Person { first, last, full_first: first, gender, role: None, evidence: 0 };
            }
        }
        return Parsed::Nothing;
    }
    // "seen near Han Pijesak", "a camp outside Kibeho": a name no list marks as a person's,
    // right after "near" or "outside", is a place the gazetteer lacks (not "near Smith's
    // house", a possessive).
    if !titled
        && first == full_first
        && first > 0
        && matches!(doc.token_text(first - 1), "near" | "outside")
        && !possessive_at(doc, last + 1)
    {
        return Parsed::Nothing;
    }
    let role = (full_first < first && (full_first..first).any(|t| toks[t].kind == TokenKind::Word && honorific(doc.token_text(t)).is_none()))
        .then(|| Span::new(toks[full_first].span.start, toks[first - 1].span.end).text(doc.text).to_string());
    Parsed::Person { first, last, full_first, gender, role, evidence }
}

/// Is the word in capitals at token `t` a wire headline's word, not a dateline's ("LARA
/// HITS CENTURY", not "ADELAIDE , Australia" nor "WASHINGTON 1996-08-22")? There the
/// surname of a person the text names in full is that person's, whatever place shares it.
fn headline_subject(doc: &Doc, t: usize) -> bool {
    on_capitals_line(doc, t) && doc.tokens.get(t + 1).is_some_and(|n| doc.slice(n.span) != ",")
}

/// Is the lone word at token `t` the subject of a verb: at the start of a clause ("Lara
/// shared a stand", "…, and Jordan had 30 points") and before a past tense, an auxiliary or
/// a verb only people do? (Used only to join a person the text names in full elsewhere.)
fn subject_of_a_verb(doc: &Doc, t: usize) -> bool {
    let clause_start = t == 0
        || doc.tokens[t - 1].kind != TokenKind::Word
        || matches!(doc.token_text(t - 1), "and" | "but" | "when" | "while" | "as" | "after" | "before" | "because" | "then" | "But" | "And" | "When" | "While" | "As" | "After");
    let Some(next) = doc.tokens.get(t + 1) else { return false };
    if !clause_start || next.kind != TokenKind::Word || !doc.same_line(t, t + 1) {
        return false;
    }
    let v = doc.slice(next.span);
    (v.len() > 4 && v.ends_with("ed") && v.bytes().all(|b| b.is_ascii_lowercase()))
        || matches!(v, "was" | "had" | "has" | "will" | "would" | "could" | "did" | "hit" | "made" | "took" | "won" | "struck")
        || ACTS.contains(v)
}

/// Is the token after `comma` an age, a number from 1 to 110 with a comma after it ("Yeltsin
/// , 65 , underwent")? (Not a year, a score or a count with a unit.)
fn age_between_commas(doc: &Doc, comma: usize) -> bool {
    let (Some(n), Some(c)) = (doc.tokens.get(comma + 1), doc.tokens.get(comma + 2)) else { return false };
    let w = doc.slice(n.span);
    doc.slice(c.span) == "," && doc.same_line(comma, comma + 2) && (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()) && w.parse::<u32>().is_ok_and(|a| (1..=110).contains(&a))
}

/// Is the apposition after the comma at token `comma` a person's role: "the", "a" or "an",
/// up to five more words, and a role noun that ends the phrase ("…, the Socialist leader,",
/// "…, a former finance minister of Japan")? Not a firm's or a group's ("the technology
/// giant", "the ruling party").
fn role_apposition(doc: &Doc, comma: usize) -> bool {
    let text = |k: usize| doc.token_text_or_empty(k);
    // "the Socialist leader", "a former minister", or a name's possessive: "England's
    // captain", "Russia's foreign minister".
    let from = if matches!(text(comma + 1), "the" | "a" | "an") {
        comma + 2
    } else if is_capitalised(text(comma + 1)) && possessive_at(doc, comma + 2) {
        comma + 3
    } else {
        return false;
    };
    for k in from..from + 6 {
        let Some(tok) = doc.tokens.get(k) else { return false };
        if tok.kind != TokenKind::Word || !doc.same_line(comma, k) {
            return false;
        }
        if ROLE_NOUNS.contains(&text(k)) && (matches!(text(k + 1), "," | "." | ";" | "of" | "at" | "for" | "in" | "with") || k + 1 == doc.tokens.len()) {
            return true;
        }
    }
    false
}

/// [`skip_apposition`] with a longer reach, for "S, a veteran … who had endorsed …, said".
pub fn skip_apposition_long(doc: &Doc, comma: usize, reach: usize) -> Option<usize> {
    let limit = (comma + reach).min(doc.tokens.len());
    for j in comma + 1..limit {
        let w = doc.token_text(j);
        if w == "," {
            return (j + 1 < doc.tokens.len()).then_some(j + 1);
        }
        if matches!(w, "." | ";" | ":" | "!" | "?") || crate::text::is_quote_mark(w) {
            return None;
        }
    }
    None
}

/// From a comma at token `comma`, skip an apposition ("…, a spokeswoman for the ministry,")
/// and return the token after its closing comma.
pub fn skip_apposition(doc: &Doc, comma: usize) -> Option<usize> {
    skip_apposition_long(doc, comma, 16)
}

impl Building {
    fn new(kind: EntityKind, name: String, gender: Gender, role: Option<String>, first_name: Option<String>, first_seen: usize) -> Building {
        Building {
            entity: Entity { id: 0, kind, name, aliases: Vec::new(), mentions: Vec::new(), gender, role },
            first_name,
            tokens: 0,
            first_seen,
        }
    }
}

struct Building {
    entity: Entity,
    /// Key of the first name, for matching single words (surnames are indexed in `find`).
    first_name: Option<String>,
    tokens: usize,
    first_seen: usize,
}

/// Find the people in `doc`.
pub fn find(doc: &Doc, places: &[Place]) -> People {
    let vocab = Vocabulary::new(doc);
    let places_longest = crate::model::max_len(places, |p| p.span);
    let headlines: Vec<bool> = doc.sentences.iter().map(|s| title_case_with(doc, *s, &vocab)).collect();
    let listed = match_list_lines(doc);
    let sports = Sports::of(doc);
    let all_runs = runs(doc);
    let mut parsed: Vec<Parsed> = all_runs
        .iter()
        .map(|r| {
            let headline = doc.sentence_index(doc.tokens[r.first].span.start).is_some_and(|i| headlines[i]);
            parse_run(doc, r, &vocab, places, places_longest, headline, &listed, sports)
        })
        .collect();
    // "Cecil County", "Elland Road", "Hyde Park": a name the places layer found whole, ending
    // in a word for a division, a road or a park, is that place, not also an organisation.
    for p in &mut parsed {
        if let Parsed::Org { first, last } = *p {
            let span = Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end);
            if crate::places::suffix_kind(doc.token_text(last)).is_some()
                && crate::model::overlapping(places, span, places_longest, |p| p.span).any(|p| p.span == span)
            {
                *p = Parsed::Nothing;
            }
        }
    }

    // A lone word the text shows to be a firm's is the firm wherever it stands alone.
    let firms = firm_words(doc, &parsed);
    let parsed: Vec<Parsed> = if firms.is_empty() {
        parsed
    } else {
        parsed
            .into_iter()
            .map(|p| match p {
                Parsed::Person { first, last, .. } if first == last && firms.contains(doc.token_text(first)) => Parsed::Org { first, last },
                p => p,
            })
            .collect()
    };
    let parsed = firms_named_in_full(doc, parsed);

    // "Tom Steels won … Steels beat Blijlevens": the surname of a person named in full with a
    // known first name is that person alone too, even when it is an English word ("steels"),
    // unless the text writes it in lower case or it names a place.
    // (The last words of longer names first, in a set (a book names hundreds); the dear tests
    // only for a run that is one of them.)
    let surnames: HashSet<&str> = parsed
        .iter()
        .filter_map(|p| match *p {
            Parsed::Person { first, last, .. } if last > first && lexicon::first_name(doc.token_text(first)).is_some() => Some(doc.token_text(last)),
            _ => None,
        })
        .collect();
    let mut lone: Vec<usize> = Vec::new();
    if !surnames.is_empty() {
        for (n, (p, r)) in parsed.iter().zip(&all_runs).enumerate() {
            if !matches!(p, Parsed::Nothing) || r.first != r.last {
                continue;
            }
            let w = doc.token_text(r.first);
            if surnames.contains(w)
                && is_capitalised(w)
                && !is_all_caps(w)
                && !crate::text::with_lower(w, |l| vocab.contains(l))
                && !NOT_NAMES.contains(&w)
                && !is_title_word(w)
                && !gazetteer::is_place(w)
            {
                lone.push(n);
            }
        }
    }
    let mut parsed = parsed;
    for n in lone {
        let r = &all_runs[n];
        parsed[n] = Parsed::Person { first: r.first, last: r.last, full_first: r.first, gender: Gender::Unknown, role: None, evidence: 0 };
    }

    let mut built: Vec<Building> = Vec::new();
    let mut mentions: Vec<NameMention> = Vec::new();
    // Indexes into `built` by surname key and by first-name key (in `built` order), so that
    // matching a name costs a hash lookup, not a scan of every entity.
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_first_name: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_middle: HashMap<String, Vec<usize>> = HashMap::default();
    // Pass 1: names of two or more words, or titled names.
    for p in &parsed {
        let Parsed::Person { first, last, full_first, gender, role, evidence } = p else { continue };
        let words: Vec<&str> = (*first..=*last).filter(|&k| doc.tokens[k].kind == TokenKind::Word).map(|k| doc.token_text(k)).collect();
        if words.len() < 2 && *evidence < 3 {
            continue;
        }
        if *evidence < 2 {
            continue;
        }
        // "Miss Jemima", "Mrs. Rachel", "Sir John": a familiar title and a first name alone
        // wait for pass 2, where they join the one person of that first name ("Miss Jemima
        // Pinkerton") if the text has exactly one.
        if words.len() == 1
            && lexicon::first_name(words[0]).is_some()
            && (*full_first..*first).any(|k| matches!(doc.token_text(k), "Miss" | "Mrs" | "Lady" | "Sir" | "Aunt" | "Uncle" | "Dame" | "Cousin"))
        {
            continue;
        }
        let surname = name_key(words.last().expect("non-empty"));
        // (No given name before a particle, capitalised or not: "de Klerk" is F.W. de Klerk,
        // "Del Piero" is Alessandro Del Piero.)
        let first_name = (words.len() >= 2 && !crate::text::with_lower(words[0], is_leading_particle)).then(|| name_key(words[0]));
        let span = Span::new(doc.tokens[*first].span.start, doc.tokens[*last].span.end);
        let found = by_surname.get(&surname).and_then(|v| {
            v.iter().copied().find(|&i| {
                (first_name.is_none() || built[i].first_name.is_none() || built[i].first_name == first_name)
                    && gender.agrees_with(built[i].entity.gender)
            })
        });
        let idx = match found {
            Some(i) => i,
            None => {
                built.push(Building::new(EntityKind::Person, String::new(), Gender::Unknown, None, first_name.clone(), span.start));
                by_surname.entry(surname.clone()).or_default().push(built.len() - 1);
                // "Wang Dan" … "Wang": a family name that comes first is the name alone too.
                if (2..=3).contains(&words.len()) && FAMILY_NAME_FIRST.contains(words[0]) {
                    by_surname.entry(name_key(words[0])).or_default().push(built.len() - 1);
                }
                // "Jose Santacruz Londono" … "Santacruz": of a given name and two more words,
                // the middle one is a surname too (the father's, in Spanish names), unless it
                // is a given name ("Mary Ann Smith") or an initial. (Only for the word alone,
                // with no title: "Ms. Acosta" after "Melba Acosta Febo" is already a person,
                // and the news gold names her so.)
                if words.len() == 3 && lexicon::first_name(words[0]).is_some() {
                    let middle = words[1];
                    if middle.chars().count() > 2 && is_capitalised(middle) && lexicon::first_name(middle).is_none() && !is_common(middle, &vocab) {
                        by_middle.entry(name_key(middle)).or_default().push(built.len() - 1);
                    }
                }
                built.len() - 1
            }
        };
        let b = &mut built[idx];
        if b.first_name.is_none() && first_name.is_some() {
            b.first_name = first_name;
        }
        if b.entity.gender == Gender::Unknown {
            b.entity.gender = *gender;
        }
        if b.entity.role.is_none() {
            b.entity.role = role.clone();
        }
        if words.len() > b.tokens {
            b.tokens = words.len();
        }
        mentions.push(NameMention::new(doc, *first, *last, *full_first, idx));
    }
    for (i, b) in built.iter().enumerate() {
        if let Some(f) = &b.first_name {
            by_first_name.entry(f.clone()).or_default().push(i);
        }
    }
    let mut seen: HashSet<Span> = mentions.iter().map(|m| m.span).collect();
    // In a match report, a word that names a team somewhere ("Chelsea 2 Everton 2", "beat
    // Everton 2-1") names no player elsewhere ("Everton equalised").
    let teams: HashSet<&str> = if sports.any {
        parsed.iter().filter_map(|p| match p { Parsed::Org { first, last } if first == last => Some(doc.token_text(*first)), _ => None }).collect()
    } else {
        HashSet::default()
    };
    // A word the text makes an organisation on its own ("a Hizbollah guerrilla") is that
    // organisation where it "says" something too ("Hizbollah said in a statement"), unless a
    // title makes it a person there.
    let lone_orgs: HashSet<&str> =
        parsed.iter().filter_map(|p| match p { Parsed::Org { first, last } if first == last => Some(doc.token_text(*first)), _ => None }).collect();
    // Words the text writes twice or more after a preposition of place ("people in Avonlea",
    // "out of Avonlea"): a lone one of them that is also a first name is that place at its
    // other mentions too ("the Avonlea main road", "Avonlea housekeepers"). (Once is not
    // enough: "the memory stirred in Cameron".)
    let mut placed_count: HashMap<&str, u32> = HashMap::default();
    for t in 2..doc.tokens.len() {
        let after_place_word = matches!(doc.token_text(t - 1), "in" | "into" | "near" | "through" | "throughout" | "outside" | "across")
            || (doc.token_text(t - 1) == "of" && doc.token_text(t - 2) == "out");
        if after_place_word
            && doc.tokens[t].kind == TokenKind::Word
            && is_capitalised(doc.token_text(t))
            && !doc.tokens.get(t + 1).is_some_and(|n| matches!(doc.slice(n.span), "’s" | "'s") || (n.kind == TokenKind::Word && is_capitalised(doc.slice(n.span))))
        {
            *placed_count.entry(doc.token_text(t)).or_default() += 1;
        }
    }
    let placed_words: HashSet<&str> = placed_count.into_iter().filter(|&(_, n)| n >= 2).map(|(w, _)| w).collect();
    // Pass 2: single words that match a known surname or first name, or that a title or
    // a speech verb marks as a person.
    // Twice: a word before the name that makes it known ("while Holmes lit his pipe" …
    // "“My dear Holmes,” said I") joins on the second sweep.
    // (On the second sweep, never a place's name: "Gainesville residents" before a
    // "Gainesville" the text treats as a person.)
    for (n, p) in parsed.iter().chain(parsed.iter()).enumerate() {
        let Parsed::Person { first, last, full_first, gender, role, evidence } = p else { continue };
        let span = Span::new(doc.tokens[*first].span.start, doc.tokens[*last].span.end);
        if seen.contains(&span)
            || (n >= parsed.len() && crate::model::overlapping(places, span, places_longest, |p| p.span).next().is_some())
        {
            continue;
        }
        let words: Vec<&str> = (*first..=*last).filter(|&k| doc.tokens[k].kind == TokenKind::Word).map(|k| doc.token_text(k)).collect();
        if words.len() == 1 && (teams.contains(words[0]) || (lone_orgs.contains(words[0]) && *evidence < 3)) {
            continue;
        }
        let key = name_key(words.last().expect("non-empty"));
        // "Mr. Corby" after "Schapelle Corby": an honorific of the other sex is another person
        // of that family (the first entity of the surname whose sex does not conflict).
        let surname_hit = by_surname
            .get(&key)
            .or_else(|| by_middle.get(&key).filter(|_| words.len() == 1 && full_first == first))
            .and_then(|v| v.iter().copied().find(|&i| gender.agrees_with(built[i].entity.gender)));
        let first_name_hit = || {
            let hits = by_first_name.get(&key)?;
            (hits.len() == 1 && words.len() == 1).then(|| hits[0])
        };
        let idx = match surname_hit.or_else(first_name_hit) {
            Some(i) => i,
            None if *evidence >= 2 && words.len() == 1 && !is_common(words[0], &vocab) => {
                built.push(Building::new(EntityKind::Person, String::new(), *gender, role.clone(), None, span.start));
                by_surname.entry(key).or_default().push(built.len() - 1);
                built.len() - 1
            }
            // A lone known first name ("Beatrice grew tired"), not an English word or a place
            // (nor one too short for the common-word list: "Men's 1,500 metres"), nor a team in
            // a results table ("Chelsea 2 Everton 2"), nor a name after a preposition of place
            // ("people in Avonlea": a town the gazetteer lacks that is also a rare first name).
            None if words.len() == 1
                && !matches!(words[0], "Men" | "Man")
                && !(*first > 0 && matches!(doc.token_text(*first - 1), "in" | "into" | "near" | "through" | "throughout" | "outside" | "across"))
                && doc.table_row(*first, *last).is_none()
                && !is_english_word(words[0], &vocab)
                && !place_to_most_readers(words[0])
                && !is_all_caps(words[0])
                && *full_first == *first
                && crate::model::overlapping(places, span, places_longest, |p| p.span).next().is_none()
                && !placed_words.contains(words[0])
                && !(*first > 0 && possessive_at(doc, *first - 1))
                // (Not a firm's accounts: "Porsche reported a net loss".)
                && !reports_accounts(doc, *last + 1) =>
            {
                let Some(g) = lexicon::first_name(words[0]).filter(|g| *g != Gender::Unknown) else { continue };
                built.push(Building::new(EntityKind::Person, String::new(), g, role.clone(), Some(key.clone()), span.start));
                by_surname.entry(key.clone()).or_default().push(built.len() - 1);
                by_first_name.entry(key).or_default().push(built.len() - 1);
                built.len() - 1
            }
            None => continue,
        };
        if built[idx].entity.gender == Gender::Unknown {
            built[idx].entity.gender = *gender;
        }
        seen.insert(span);
        mentions.push(NameMention::new(doc, *first, *last, *full_first, idx));
    }
    // Pass 3: a name in capitals (a wire headline "SAMPRAS BEATS IVANISEVIC", a table) that is
    // the surname of a person the text names in full, with the first name before it when that
    // is in capitals too ("PETE SAMPRAS"). Never a place's word ("WASHINGTON" in a dateline).
    let mut covered = vec![false; doc.tokens.len()];
    // (The person must be named in full in ordinary case somewhere: "Pete Sampras", not a
    // run that ends in an acronym, "Crooked Hillary PAC".)
    let mut in_full = vec![false; built.len()];
    // (The organisations' names are added below: their words are taken too, but for a
    // lone word in capitals, "UPDATE FAROOK", which a person's surname takes first.)
    for p in &parsed {
        if let Parsed::Org { first, last } = *p {
            if !(first == last && is_all_caps(doc.token_text(first))) {
                covered[first..=last].fill(true);
            }
        }
    }
    // (Or a person the text names by the surname alone, twice in ordinary case: "Krajicek
    // beat Pioline … Krajicek served" for "KRAJICEK BEATS PIOLINE".)
    let mut lone = vec![0u8; built.len()];
    for m in &mentions {
        covered[m.full_first.min(m.first)..=m.last].fill(true);
        if !is_all_caps(doc.token_text(m.last)) {
            if m.last > m.first {
                in_full[m.entity] = true;
            } else if built[m.entity].entity.kind == EntityKind::Person {
                lone[m.entity] = lone[m.entity].saturating_add(1);
            }
        }
    }
    for (full, &n) in in_full.iter_mut().zip(&lone) {
        *full |= n >= 2;
    }
    for t in 0..doc.tokens.len() {
        let w = doc.token_text(t);
        if covered[t] || doc.tokens[t].kind != TokenKind::Word || !is_all_caps(w) || w.chars().count() < 3 {
            continue;
        }
        let Some(hits) = by_surname.get(&name_key(w)) else { continue };
        let Some(&idx) = hits.iter().find(|&&i| in_full[i]) else { continue };
        let span = doc.tokens[t].span;
        let titled = lexicon::title_case(w);
        // (Not an English word that is no surname, "DEMOGRAPHICS"; not the first word of a name
        // in ordinary case, "FOX News".)
        let starts_run = doc.tokens.get(t + 1).is_some_and(|n| {
            let nw = doc.slice(n.span);
            n.kind == TokenKind::Word && doc.same_line(t, t + 1) && is_capitalised(nw) && !is_all_caps(nw)
        });
        if starts_run
            || (crate::text::with_lower(w, lexicon::is_common_word) && !lexicon::is_surname(&titled))
            || (crate::model::overlapping(places, span, places_longest, |p| p.span).next().is_some() && !headline_subject(doc, t))
        {
            continue;
        }
        // The first name before it, in capitals too: the person's own, or any known one
        // when the text never gave one ("BARBARA PINKERTON" after "Miss Pinkerton").
        let mut first = t;
        if t > 0 && !covered[t - 1] && doc.tokens[t - 1].kind == TokenKind::Word && doc.same_line(t - 1, t) {
            let prev = doc.token_text(t - 1);
            let own = match &built[idx].first_name {
                Some(f) => *f == name_key(prev),
                None => lexicon::first_name(&lexicon::title_case(prev)).is_some(),
            };
            if is_all_caps(prev) && own {
                first = t - 1;
            }
        }
        covered[first..=t].fill(true);
        mentions.push(NameMention::new(doc, first, t, first, idx));
    }
    // Pass 4: a surname that is also a title, alone ("John Major" … "urged Major to say no",
    // "Major said"), of a person the text names in full: not before a name, where it is a
    // title ("Major Tom Reid"), nor after an article ("the Major"). So too a surname that a
    // lesser place has ("Brian Lara" … "Lara, dropped on 12, made 103": Lara is a state of
    // Venezuela and a small town in Victoria), unless a preposition of place comes before it
    // ("in Lara").
    // (Such surnames first, from the names in full: most texts have none.)
    let minor_place = |w: &str| {
        let entries = gazetteer::entries(w);
        !entries.is_empty()
            && entries.iter().all(|e| match e.kind {
                PlaceKind::City => e.size < 22 && !e.capital && (e.size < 18 || !e.in_english_news_country()),
                PlaceKind::Region => e.country.is_some() && !e.in_english_news_country(),
                _ => false,
            })
    };
    // (For a place, the name in full opens with a known given name: "Brian Lara".)
    // (By word, the first mention's reading: a book has thousands of mentions.)
    let mut title_surnames: HashMap<&str, bool> = HashMap::default();
    for (w, place) in mentions
        .iter()
        .filter(|m| m.last > m.first && in_full[m.entity])
        .map(|m| (doc.token_text(m.first), doc.token_text(m.last)))
        .filter(|(_, w)| !is_all_caps(w))
        .filter_map(|(given, w)| {
            if is_title_word(w) {
                Some((w, false))
            } else {
                (lexicon::first_name(given).is_some() && minor_place(w)).then_some((w, true))
            }
        })
    {
        title_surnames.entry(w).or_insert(place);
    }
    // (`covered` marks every mention so far: a word it leaves is in none.)
    for t in 0..doc.tokens.len() {
        let w = doc.token_text(t);
        let Some(&place) = title_surnames.get(w) else { continue };
        if covered[t] || doc.tokens[t].kind != TokenKind::Word {
            continue;
        }
        if place && t > 0 && matches!(doc.token_text(t - 1), "in" | "at" | "from" | "to" | "near" | "of" | "In" | "At" | "From" | "across" | "into") {
            continue;
        }
        let Some(hits) = by_surname.get(&name_key(w)) else { continue };
        let Some(&idx) = hits.iter().find(|&&i| in_full[i]) else { continue };
        let before_name = doc.tokens.get(t + 1).is_some_and(|n| n.kind == TokenKind::Word && is_capitalised(doc.slice(n.span)) && doc.same_line(t, t + 1));
        let after_article = t > 0 && matches!(doc.token_text(t - 1), "the" | "The" | "a" | "A" | "an" | "An");
        if before_name || after_article {
            continue;
        }
        covered[t] = true;
        mentions.push(NameMention::new(doc, t, t, t, idx));
    }
    // Organisations that can speak.
    let mut org_index: HashMap<String, usize> = HashMap::default();
    for p in &parsed {
        let Parsed::Org { first, last } = p else { continue };
        // (A lone word in capitals that a person's mention took above.)
        if *first == *last && covered[*first] && is_all_caps(doc.token_text(*first)) {
            continue;
        }
        let span = Span::new(doc.tokens[*first].span.start, doc.tokens[*last].span.end);
        let text = span.text(doc.text);
        // ("Lufthansa AG" and "Lufthansa" are one firm.)
        let key = match text.rsplit_once(' ') {
            Some((name, form)) if LEGAL_FORMS.contains(&form) => name.to_lowercase(),
            _ => text.to_lowercase(),
        };
        let idx = match org_index.get(&key) {
            Some(&i) => i,
            None => {
                built.push(Building::new(EntityKind::Organisation, text.to_string(), Gender::Unknown, None, None, span.start));
                org_index.insert(key, built.len() - 1);
                built.len() - 1
            }
        };
        mentions.push(NameMention { span, full: span, first: *first, last: *last, full_first: *first, entity: idx });
    }
    // "the Post", "The Times": a newspaper named earlier in full ("The Washington Post"), by
    // the last word of its name, when the text has one paper of that name.
    for t in 1..doc.tokens.len() {
        let w = doc.token_text(t);
        if !matches!(w, "Post" | "Times" | "Journal" | "Herald" | "Tribune" | "Gazette" | "Telegraph" | "Guardian" | "Globe")
            || !matches!(doc.token_text(t - 1), "the" | "The")
            || doc.tokens.get(t + 1).is_some_and(|n| n.kind == TokenKind::Word && is_capitalised(doc.slice(n.span)))
        {
            continue;
        }
        let span = doc.tokens[t].span;
        if mentions.iter().any(|m| m.span.overlaps(span)) {
            continue;
        }
        let mut papers = built.iter().enumerate().filter(|(_, b)| {
            b.entity.kind == EntityKind::Organisation && b.first_seen < span.start && b.entity.name.rsplit(' ').next() == Some(w)
        });
        if let (Some((idx, _)), None) = (papers.next(), papers.next()) {
            mentions.push(NameMention { span, full: span, first: t, last: t, full_first: t, entity: idx });
        }
    }
    crate::model::sort_by_key(&mut mentions, |m| m.span.start as u64);

    // A person the text names only by one word is known by its honorific and that word
    // ("Mr. Bennet", "Mrs. Dalloway"): those mentions show the honorific as part of the name.
    let mut one_word = vec![true; built.len()];
    for m in &mentions {
        if (m.first..=m.last).filter(|&k| doc.tokens[k].kind == TokenKind::Word).nth(1).is_some() {
            one_word[m.entity] = false;
        }
    }
    let mut org_words = vec![false; doc.tokens.len()];
    for m in mentions.iter().filter(|m| built[m.entity].entity.kind == EntityKind::Organisation) {
        org_words[m.first..=m.last].fill(true);
    }
    // Canonical names, aliases, gender from first names, roles from appositions.
    for m in &mentions {
        let b = &mut built[m.entity];
        // The honorific is part of how the text names the person: "Mr. Pett", "Miss Sedley",
        // "Madame St. Aubert" (a social honorific, always); "Dr. Okafor" only when the text
        // never gives more of the name. It is part of the canonical name only in that case.
        // (Not an honorific that an organisation's name holds: "AS Mr." before "Volodymyr
        // Zelenskyy".)
        let (shown, named) = match honorific_before(doc, m.first).filter(|&h| !org_words[h]) {
            Some(h) if b.entity.kind == EntityKind::Person && (h >= m.full_first || is_social_honorific(doc.token_text(h))) => {
                let with = Span::new(doc.tokens[h].span.start, m.span.end);
                let known_by = one_word[m.entity]
                    || (m.first == m.last && b.first_name.as_deref() == Some(name_key(doc.token_text(m.first)).as_str()));
                if known_by && is_royal_title(doc.token_text(h)) {
                    // "King Hussein", "Queen Beatrix": news marks the name alone, as it
                    // does a president's; the title stays in the name the page shows.
                    (m.span, with)
                } else if known_by {
                    (with, with)
                } else if is_social_honorific(doc.token_text(h)) {
                    (with, m.span)
                } else {
                    (m.span, m.span)
                }
            }
            _ => (m.span, m.span),
        };
        let text = named.text(doc.text).to_string();
        let full = m.full.text(doc.text).to_string();
        b.entity.mentions.push(Mention { span: shown, kind: MentionKind::Name });
        let words = text.split_whitespace().count();
        let best = b.entity.name.split_whitespace().count();
        // (Of two names as long, the one in ordinary case: "Erik Halvorsen", not "ERIK HALVORSEN".)
        let caps = |n: &str| n.split_whitespace().all(is_all_caps);
        let better_case = words == best && caps(&b.entity.name) && !caps(&text);
        if b.entity.kind == EntityKind::Person && (b.entity.name.is_empty() || words > best || better_case) {
            if !b.entity.name.is_empty() {
                let old = std::mem::take(&mut b.entity.name);
                b.entity.aliases.push(old);
            }
            b.entity.name = text.clone();
        } else if text != b.entity.name && !b.entity.aliases.contains(&text) {
            b.entity.aliases.push(text.clone());
        }
        if full != text && !b.entity.aliases.contains(&full) {
            b.entity.aliases.push(full);
        }
        if b.entity.role.is_none() {
            b.entity.role = apposition_role(doc, m.last).or_else(|| role_before(doc, m.full_first));
        }
    }
    // A one-word "person" the text treats as a company: "Meta's chief executive Mark
    // Zuckerberg", "Tesla's headquarters".
    let mut company = vec![false; built.len()];
    for m in &mentions {
        let (next, after) = (m.last + 1, m.last + 2);
        if !one_word[m.entity] || after >= doc.tokens.len() {
            continue;
        }
        if possessive_at(doc, next) {
            let w = crate::text::lower(doc.token_text(after));
            let executive = w == "chief" && doc.tokens.get(after + 1).is_some_and(|t| doc.slice(t.span) == "executive");
            if executive || COMPANY_NOUNS.contains(&&*w) {
                company[m.entity] = true;
            }
        }
    }
    // (Never one that an honorific or a title names as a person: "Mr. Musk's shares".)
    for m in &mentions {
        if m.full_first < m.first || honorific_before(doc, m.first).is_some() {
            company[m.entity] = false;
        }
    }
    for (b, &c) in built.iter_mut().zip(&company) {
        if c && b.entity.kind == EntityKind::Person {
            b.entity.kind = EntityKind::Organisation;
        }
    }
    for b in &mut built {
        let name = b.entity.name.clone();
        b.entity.aliases.retain(|a| *a != name);
        b.entity.aliases.dedup();
        if b.entity.gender == Gender::Unknown && b.entity.kind == EntityKind::Person {
            if let Some(first) = name.split_whitespace().next() {
                if name.split_whitespace().count() >= 2 {
                    b.entity.gender = lexicon::first_name(first).unwrap_or(Gender::Unknown);
                }
            }
        }
    }
    // Drop entities with no mentions, order by first mention, renumber.
    let mut order: Vec<usize> = (0..built.len()).filter(|&i| !built[i].entity.mentions.is_empty()).collect();
    crate::model::sort_by_key(&mut order, |&i| built[i].first_seen as u64);
    let mut remap = vec![usize::MAX; built.len()];
    for (new, &old) in order.iter().enumerate() {
        remap[old] = new;
    }
    let mut entities: Vec<Entity> = Vec::with_capacity(order.len());
    for (new, &old) in order.iter().enumerate() {
        let mut e = built[old].entity.clone();
        e.id = new;
        entities.push(e);
    }
    for m in &mut mentions {
        m.entity = remap[m.entity];
    }
    mentions.retain(|m| m.entity != usize::MAX);
    let names = mentions
        .iter()
        .filter(|m| entities[m.entity].kind == EntityKind::Person)
        .map(|m| m.span)
        .collect();
    People { entities, headlines, mentions, names }
}

/// Is this sentence written in Title Case (a headline, or machine-cased text)? Most longer
/// words are capitalised, and several of them are ordinary words ("Will", "Center", "Deal").
fn title_case_with(doc: &Doc, s: Span, vocab: &Vocabulary) -> bool {
    let (a, b) = (doc.token_at_or_after(s.start), doc.token_at_or_after(s.end));
    // The words of more than three letters, by token.
    let long = || (a..b).filter(|&t| doc.tokens[t].kind == TokenKind::Word && doc.token_text(t).chars().count() > 3);
    let (words, capitalised) = long().fold((0, 0), |(n, c), t| (n + 1, c + usize::from(is_capitalised(doc.token_text(t)))));
    // The cheap counts first: most sentences are not Title Case, and `is_common` is dear.
    // (A list of names is capitalised, and no headline: "Team: Andre Joubert, James Small, …".)
    words >= 5
        && !(b > a + 1 && doc.token_text(a + 1) == ":" && is_list_word(doc.token_text(a)))
        && capitalised * 10 >= words * 6
        // (Not the first word, which any sentence capitalises, nor the words of an
        // organisation's name, which any sentence capitalises too: "Fighters of Massoud
        // Barzani's Kurdistan Democratic Party pushed on" is no headline.)
        && long()
            .filter(|&t| {
                let w = doc.token_text(t);
                t > a
                    && is_capitalised(w)
                    && !ORG_HEADS.contains(&w)
                    && !doc.tokens.get(t + 1).is_some_and(|n| ORG_HEADS.contains(doc.slice(n.span)))
                    && is_common(w, vocab)
                    && lexicon::first_name(w).is_none()
            })
            .nth(2)
            .is_some()
}

/// "The health minister, Ines Kovac, …" → "health minister".
fn role_before(doc: &Doc, first: usize) -> Option<String> {
    if first < 2 || doc.token_text(first - 1) != "," {
        return None;
    }
    let end = first - 1;
    let mut start = end;
    while start > 0 && end - start < 5 {
        let w = doc.token_text(start - 1);
        if matches!(w.to_lowercase().as_str(), "the" | "a" | "an") {
            if start == end {
                return None; // "the, Name": nothing between the article and the comma
            }
            let span = Span::new(doc.tokens[start].span.start, doc.tokens[end - 1].span.end);
            let text = span.text(doc.text);
            let last = text.rsplit(' ').next().unwrap_or("").to_lowercase();
            return ROLE_NOUNS.contains(&last.as_str()).then(|| text.to_string());
        }
        if doc.tokens[start - 1].kind != TokenKind::Word {
            return None;
        }
        start -= 1;
    }
    None
}

/// "Andriy Yermak, Zelenskyy’s chief of staff, …" → "Zelenskyy’s chief of staff".
fn apposition_role(doc: &Doc, last: usize) -> Option<String> {
    let comma = last + 1;
    if comma >= doc.tokens.len() || doc.token_text(comma) != "," {
        return None;
    }
    let after = skip_apposition(doc, comma)?;
    let close = after - 1;
    if close - comma < 2 || close - comma > 12 {
        return None;
    }
    let span = Span::new(doc.tokens[comma + 1].span.start, doc.tokens[close - 1].span.end);
    let text = span.text(doc.text);
    let lower = text.to_lowercase();
    // (A role is written in lower case, or is a known role noun: not "Steve Stricker" in a list
    // of names, not "SOCCER" in the headline of the next paragraph.)
    if text.contains('\n') {
        return None;
    }
    // (A noun of a doer, "farmer", "pianist": not "her", "were", "never", "whether".)
    let doer = |w: &str| {
        w.len() >= 5
            && (w.ends_with("ist") || w.ends_with("er"))
            && !matches!(w, "after" | "never" | "other" | "over" | "ever" | "either" | "neither" | "rather" | "whether" | "under" | "later"
                | "together" | "however" | "whatever" | "whenever" | "wherever" | "better" | "farther" | "further" | "longer"
                | "sooner" | "higher" | "lower" | "larger" | "greater" | "smaller" | "older" | "younger" | "faster" | "slower")
    };
    let has_role = text.split(|c: char| !c.is_alphabetic()).any(|w| {
        let lw = w.to_lowercase();
        ROLE_NOUNS.contains(&lw.as_str()) || (w == lw && doer(w))
    });
    let starts_ok = lower.starts_with("a ") || lower.starts_with("an ") || lower.starts_with("the ")
        || text.contains('’') || text.contains('\'') || has_role;
    // (Not a clause: "who …", "feeling that …", "dressed in black", "when …".)
    let first = lower.split_whitespace().next().unwrap_or("");
    let clause = matches!(first, "who" | "which" | "that" | "when" | "while" | "as" | "if" | "though" | "although" | "because" | "since" | "where")
        || (first.len() > 4 && (first.ends_with("ing") || first.ends_with("ed")));
    (has_role && starts_ok && !clause).then(|| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<String> {
        let doc = Doc::new(text);
        let mut v: Vec<String> = find(&doc, &[]).entities.into_iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name).collect();
        v.sort();
        v
    }

    #[test]
    fn a_role_is_a_lower_case_apposition_in_one_paragraph() {
        let role = |text: &str, name: &str| {
            let doc = Doc::new(text);
            find(&doc, &[]).entities.into_iter().find(|e| e.name == name).and_then(|e| e.role)
        };
        assert_eq!(role("Ann Roe, a spokeswoman for the ministry, said so.", "Ann Roe").as_deref(), Some("a spokeswoman for the ministry"));
        // A noun phrase, not a clause ("her" and "were" end in -er but name no doer).
        let t = "Mrs. Hall, feeling that her advances were ill-timed, left. Millie, her lymphatic maid, came in.";
        assert_eq!(role(t, "Mrs. Hall"), None);
        assert_eq!(role(t, "Millie").as_deref(), Some("her lymphatic maid"));
        assert_eq!(role("70 Fred Castell, Steve Brannock, Colin Arbery (Britain)\n\nSOCCER - HOSTS WIN", "Fred Castell"), None);
        assert_eq!(role("70 Fred Castell, Steve Brannock, Colin Arbery (Britain)\n\nSOCCER - HOSTS WIN", "Steve Brannock"), None);
    }

    #[test]
    fn scripture_is_nobody() {
        assert!(people("As the Bible says, the meek shall inherit. He quoted the Koran and the Torah.").is_empty());
    }

    #[test]
    fn i_and_a_verb_is_nobody() {
        assert!(people("“I’ll tell you my opinion,” he said. I'm here, and I’ve seen it. I'd say so.").is_empty());
    }

    #[test]
    fn a_relative_who_after_a_lone_name_makes_a_person() {
        let text = "Tavrov, who chairs the council, left early. The Pellinghams, who own the club, stayed. A farmer from Kesselby, who asked not to be named, agreed.";
        assert_eq!(people(text), ["Tavrov"]);
    }

    #[test]
    fn an_honorific_of_address_is_shown_with_every_mention() {
        // The second mention alone gives the evidence; the first joins it and still shows "Aunt".
        let text = "Love to Aunt Wilhelmina; how good of her to come.\n\n\"Who knows, Aunt Wilhelmina, who knows?\"";
        let doc = Doc::new(text);
        let found = find(&doc, &[]);
        let shown: Vec<&str> = found.entities.iter().flat_map(|e| &e.mentions).map(|m| m.span.text(text)).collect();
        assert_eq!(shown, ["Aunt Wilhelmina", "Aunt Wilhelmina"]);
    }

    #[test]
    fn a_lone_surname_joins_a_person_named_after_it() {
        let text = "I waited while Dalgleish lit his pipe.\n\n\"My dear Dalgleish,\" said I, \"you are late.\"";
        let doc = Doc::new(text);
        let found = find(&doc, &[]);
        let names: Vec<&str> = found.mentions.iter().map(|m| m.span.text(text)).collect();
        assert_eq!(names, ["Dalgleish", "Dalgleish"]);
    }

    #[test]
    fn name_keys_meet_across_spellings() {
        assert_eq!(name_key("Zelenskyy"), name_key("Zelensky"));
        assert_eq!(name_key("Élysée"), "elyse");
    }

    // proptest is a native-only dev-dependency (the wasm32 test build has none).
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// The ASCII fast path of `name_key` gives what the general path gives.
        #[test]
        fn name_key_ascii_path_is_the_general_one(w in "[a-zA-Z0-9'.\\- ]{0,12}") {
            let mut general = String::new();
            let mut prev = '\0';
            for c in gazetteer::fold(&w).chars().flat_map(char::to_lowercase).filter(|c| c.is_alphanumeric()) {
                if c != prev {
                    general.push(c);
                }
                prev = c;
            }
            proptest::prop_assert_eq!(name_key(&w), general);
        }
    }

    #[test]
    fn titles_stripped_and_aliases_merged() {
        assert_eq!(people("Foreign Minister Ivo Marek spoke. Marek left. Mr. Marek returned."), ["Ivo Marek"]);
    }

    #[test]
    fn headline_words_are_not_people() {
        assert!(people("Accusations and Reactions\nSeeking Cooperation").is_empty());
    }
}
