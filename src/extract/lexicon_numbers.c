/* lexicon_numbers.c — the data behind figure extraction (see
 * lexicon_numbers.h): number words, scales, collectives, currencies,
 * approximation markers and the words that rule a number out.
 *
 * The tables are sorted by their folded word (byte order): the binary
 * searches rely on it, and it keeps every list free of duplicates;
 * test_figures.c checks the order. To add a word, insert it at its sorted
 * place, in folded form (no accents, lower case). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_numbers.h"
#include "strmap.h"

struct lexword {
    const char *w;
    unsigned char langs;
};

/* ---- number words ------------------------------------------------------ */

static const struct numword numwords[] = {
    {"a", 1, NW_ARTICLE, LX_EN, false},
    {"an", 1, NW_ARTICLE, LX_EN, false},
    {"billion", 1e9, NW_SCALE, LX_EN, false},
    {"billion", 1e12, NW_SCALE, LX_FR, false},
    {"billions", 1e9, NW_SCALE, LX_EN, true},
    {"billions", 1e12, NW_SCALE, LX_FR, true},
    {"cent", 100, NW_HUNDRED, LX_FR, false},
    {"centaine", 100, NW_COLLECTIVE, LX_FR, false},
    {"centaines", 100, NW_COLLECTIVE, LX_FR, true},
    {"cents", 100, NW_HUNDRED, LX_FR, true},
    {"cinq", 5, NW_ATOM, LX_FR, false},
    {"cinquantaine", 50, NW_COLLECTIVE, LX_FR, false},
    {"cinquantaines", 50, NW_COLLECTIVE, LX_FR, true},
    {"cinquante", 50, NW_ATOM, LX_FR, false},
    {"cinquiemes", 0.2, NW_FRACTION, LX_FR, false},
    {"couple", 2, NW_COLLECTIVE, LX_EN, false},
    {"deux", 2, NW_ATOM, LX_FR, false},
    {"dix", 10, NW_ATOM, LX_FR, false},
    {"dixiemes", 0.1, NW_FRACTION, LX_FR, false},
    {"dizaine", 10, NW_COLLECTIVE, LX_FR, false},
    {"dizaines", 10, NW_COLLECTIVE, LX_FR, true},
    {"douzaine", 12, NW_COLLECTIVE, LX_FR, false},
    {"douzaines", 12, NW_COLLECTIVE, LX_FR, true},
    {"douze", 12, NW_ATOM, LX_FR, false},
    {"dozen", 12, NW_COLLECTIVE, LX_EN, false},
    {"dozens", 12, NW_COLLECTIVE, LX_EN, true},
    {"eight", 8, NW_ATOM, LX_EN, false},
    {"eighteen", 18, NW_ATOM, LX_EN, false},
    {"eighty", 80, NW_ATOM, LX_EN, false},
    {"eleven", 11, NW_ATOM, LX_EN, false},
    {"fifteen", 15, NW_ATOM, LX_EN, false},
    {"fifths", 0.2, NW_FRACTION, LX_EN, false},
    {"fifty", 50, NW_ATOM, LX_EN, false},
    {"five", 5, NW_ATOM, LX_EN, false},
    {"forty", 40, NW_ATOM, LX_EN, false},
    {"four", 4, NW_ATOM, LX_EN, false},
    {"fourteen", 14, NW_ATOM, LX_EN, false},
    {"huit", 8, NW_ATOM, LX_FR, false},
    {"hundred", 100, NW_HUNDRED, LX_EN, false},
    {"hundreds", 100, NW_HUNDRED, LX_EN, true},
    {"mille", 1e3, NW_SCALE, LX_FR, false},
    {"milliard", 1e9, NW_SCALE, LX_FR, false},
    {"milliards", 1e9, NW_SCALE, LX_FR, true},
    {"millier", 1e3, NW_COLLECTIVE, LX_FR, false},
    {"milliers", 1e3, NW_COLLECTIVE, LX_FR, true},
    {"million", 1e6, NW_SCALE, LX_ANY, false},
    {"millions", 1e6, NW_SCALE, LX_ANY, true},
    {"neuf", 9, NW_ATOM, LX_FR, false},
    {"nine", 9, NW_ATOM, LX_EN, false},
    {"nineteen", 19, NW_ATOM, LX_EN, false},
    {"ninety", 90, NW_ATOM, LX_EN, false},
    {"one", 1, NW_ARTICLE, LX_EN, false},
    {"onze", 11, NW_ATOM, LX_FR, false},
    {"quarantaine", 40, NW_COLLECTIVE, LX_FR, false},
    {"quarantaines", 40, NW_COLLECTIVE, LX_FR, true},
    {"quarante", 40, NW_ATOM, LX_FR, false},
    {"quart", 0.25, NW_FRACTION, LX_FR, false},
    {"quarter", 0.25, NW_FRACTION, LX_EN, false},
    {"quarters", 0.25, NW_FRACTION, LX_EN, false},
    {"quarts", 0.25, NW_FRACTION, LX_FR, false},
    {"quatorze", 14, NW_ATOM, LX_FR, false},
    {"quatre", 4, NW_ATOM, LX_FR, false},
    {"quinzaine", 15, NW_COLLECTIVE, LX_FR, false},
    {"quinzaines", 15, NW_COLLECTIVE, LX_FR, true},
    {"quinze", 15, NW_ATOM, LX_FR, false},
    {"seize", 16, NW_ATOM, LX_FR, false},
    {"sept", 7, NW_ATOM, LX_FR, false},
    {"seven", 7, NW_ATOM, LX_EN, false},
    {"seventeen", 17, NW_ATOM, LX_EN, false},
    {"seventy", 70, NW_ATOM, LX_EN, false},
    {"six", 6, NW_ATOM, LX_ANY, false},
    {"sixteen", 16, NW_ATOM, LX_EN, false},
    {"sixty", 60, NW_ATOM, LX_EN, false},
    {"soixantaine", 60, NW_COLLECTIVE, LX_FR, false},
    {"soixantaines", 60, NW_COLLECTIVE, LX_FR, true},
    {"soixante", 60, NW_ATOM, LX_FR, false},
    {"ten", 10, NW_ATOM, LX_EN, false},
    {"tenths", 0.1, NW_FRACTION, LX_EN, false},
    {"third", 1.0 / 3, NW_FRACTION, LX_EN, false},
    {"thirds", 1.0 / 3, NW_FRACTION, LX_EN, false},
    {"thirteen", 13, NW_ATOM, LX_EN, false},
    {"thirty", 30, NW_ATOM, LX_EN, false},
    {"thousand", 1e3, NW_SCALE, LX_EN, false},
    {"thousands", 1e3, NW_SCALE, LX_EN, true},
    {"three", 3, NW_ATOM, LX_EN, false},
    {"tiers", 1.0 / 3, NW_FRACTION, LX_FR, false},
    {"treize", 13, NW_ATOM, LX_FR, false},
    {"trentaine", 30, NW_COLLECTIVE, LX_FR, false},
    {"trentaines", 30, NW_COLLECTIVE, LX_FR, true},
    {"trente", 30, NW_ATOM, LX_FR, false},
    {"trillion", 1e12, NW_SCALE, LX_EN, false},
    {"trillions", 1e12, NW_SCALE, LX_EN, true},
    {"trois", 3, NW_ATOM, LX_FR, false},
    {"twelve", 12, NW_ATOM, LX_EN, false},
    {"twenty", 20, NW_ATOM, LX_EN, false},
    {"two", 2, NW_ATOM, LX_EN, false},
    {"un", 1, NW_ARTICLE, LX_FR, false},
    {"une", 1, NW_ARTICLE, LX_FR, false},
    {"vingt", 20, NW_ATOM, LX_FR, false},
    {"vingtaine", 20, NW_COLLECTIVE, LX_FR, false},
    {"vingtaines", 20, NW_COLLECTIVE, LX_FR, true},
    {"vingts", 20, NW_ATOM, LX_FR, false},
    {"zero", 0, NW_ATOM, LX_ANY, false},
};

/* ---- function words, adjectives, determiners ---------------------------- */

static const struct lexword stopwords[] = {
    {"a", LX_ANY}, {"about", LX_EN}, {"above", LX_EN}, {"according", LX_EN}, {"afin", LX_FR},
    {"after", LX_EN}, {"again", LX_EN}, {"against", LX_EN}, {"ago", LX_EN}, {"ai", LX_FR},
    {"ainsi", LX_FR}, {"all", LX_EN}, {"alone", LX_EN}, {"alors", LX_FR}, {"also", LX_EN},
    {"although", LX_EN}, {"am", LX_EN}, {"among", LX_EN}, {"an", LX_EN}, {"and", LX_EN},
    {"any", LX_EN}, {"apiece", LX_EN}, {"apres", LX_FR}, {"are", LX_EN}, {"around", LX_EN},
    {"as", LX_EN}, {"at", LX_EN}, {"au", LX_FR}, {"aucun", LX_FR}, {"aujourd'hui", LX_FR},
    {"aupres", LX_FR}, {"auraient", LX_FR}, {"aurait", LX_FR}, {"aussi", LX_FR},
    {"autant", LX_FR}, {"autour", LX_FR}, {"aux", LX_FR}, {"avaient", LX_FR}, {"avait", LX_FR},
    {"avant", LX_FR}, {"avec", LX_FR}, {"avoir", LX_FR}, {"be", LX_EN}, {"because", LX_EN},
    {"been", LX_EN}, {"before", LX_EN}, {"being", LX_EN}, {"below", LX_EN}, {"between", LX_EN},
    {"both", LX_EN}, {"but", LX_EN}, {"by", LX_EN}, {"c", LX_FR}, {"ca", LX_FR}, {"can", LX_EN},
    {"car", LX_FR}, {"ce", LX_FR}, {"cela", LX_FR}, {"celle", LX_FR}, {"celles", LX_FR},
    {"celui", LX_FR}, {"ces", LX_FR}, {"cet", LX_FR}, {"cette", LX_FR}, {"ceux", LX_FR},
    {"chacun", LX_FR}, {"chaque", LX_FR}, {"chez", LX_FR}, {"comme", LX_FR}, {"comment", LX_FR},
    {"compared", LX_EN}, {"contre", LX_FR}, {"could", LX_EN}, {"d", LX_FR}, {"d'ici", LX_FR},
    {"dans", LX_FR}, {"de", LX_FR}, {"deep", LX_EN}, {"deja", LX_FR}, {"depuis", LX_FR}, {"des", LX_FR},
    {"did", LX_EN}, {"do", LX_EN}, {"does", LX_EN}, {"donc", LX_FR}, {"dont", LX_FR},
    {"du", LX_FR}, {"durant", LX_FR}, {"during", LX_EN}, {"each", LX_EN}, {"earlier", LX_EN},
    {"egalement", LX_FR}, {"either", LX_EN}, {"elle", LX_FR}, {"elles", LX_FR}, {"en", LX_FR},
    {"encore", LX_FR}, {"entre", LX_FR}, {"environ", LX_FR}, {"est", LX_FR}, {"et", LX_FR},
    {"etaient", LX_FR}, {"etait", LX_FR}, {"ete", LX_FR}, {"etre", LX_FR}, {"eux", LX_FR},
    {"even", LX_EN}, {"ever", LX_EN}, {"every", LX_EN}, {"everyone", LX_EN}, {"everything", LX_EN}, {"face", LX_FR}, {"fait", LX_FR},
    {"font", LX_FR},
    {"for", LX_EN}, {"from", LX_EN}, {"had", LX_EN}, {"has", LX_EN}, {"have", LX_EN},
    {"having", LX_EN}, {"he", LX_EN}, {"her", LX_EN}, {"here", LX_EN}, {"hier", LX_FR}, {"high", LX_EN},
    {"him", LX_EN}, {"his", LX_EN}, {"how", LX_EN}, {"however", LX_EN}, {"i", LX_EN},
    {"if", LX_EN}, {"il", LX_FR}, {"ils", LX_FR}, {"in", LX_EN}, {"including", LX_EN},
    {"into", LX_EN}, {"is", LX_EN}, {"it", LX_EN}, {"its", LX_EN}, {"j", LX_FR}, {"je", LX_FR},
    {"jusqu", LX_FR}, {"jusque", LX_FR}, {"just", LX_EN}, {"l", LX_FR}, {"la", LX_FR},
    {"later", LX_EN}, {"le", LX_FR}, {"les", LX_FR}, {"less", LX_EN}, {"leur", LX_FR},
    {"leurs", LX_FR}, {"like", LX_EN}, {"lors", LX_FR}, {"lorsqu", LX_FR}, {"lui", LX_FR},
    {"m", LX_FR}, {"mais", LX_FR}, {"may", LX_EN}, {"me", LX_FR}, {"might", LX_EN},
    {"minus", LX_EN}, {"moi", LX_FR}, {"moins", LX_FR}, {"more", LX_EN}, {"most", LX_EN},
    {"much", LX_EN}, {"must", LX_EN}, {"my", LX_EN}, {"n", LX_FR}, {"ne", LX_FR},
    {"near", LX_EN}, {"ni", LX_FR}, {"no", LX_EN}, {"nobody", LX_EN}, {"nor", LX_EN}, {"not", LX_EN},
    {"notamment", LX_FR}, {"nothing", LX_EN}, {"nous", LX_FR}, {"now", LX_EN}, {"of", LX_EN}, {"off", LX_EN},
    {"on", LX_ANY}, {"once", LX_EN}, {"only", LX_EN}, {"ont", LX_FR}, {"onto", LX_EN},
    {"or", LX_ANY}, {"ou", LX_FR}, {"our", LX_EN}, {"out", LX_EN}, {"over", LX_EN},
    {"par", LX_FR}, {"parmi", LX_FR}, {"pas", LX_FR}, {"pendant", LX_FR}, {"per", LX_EN},
    {"peu", LX_FR}, {"peut", LX_FR}, {"peuvent", LX_FR}, {"plus", LX_ANY}, {"pour", LX_FR},
    {"pourtant", LX_FR}, {"puis", LX_FR}, {"puisqu", LX_FR}, {"qu", LX_FR}, {"quand", LX_FR},
    {"que", LX_FR}, {"qui", LX_FR}, {"respectively", LX_EN}, {"s", LX_FR}, {"sa", LX_FR},
    {"said", LX_EN}, {"sans", LX_FR}, {"say", LX_EN}, {"says", LX_EN}, {"se", LX_FR},
    {"selon", LX_FR}, {"sera", LX_FR}, {"seraient", LX_FR}, {"serait", LX_FR},
    {"seront", LX_FR}, {"ses", LX_FR}, {"seulement", LX_FR}, {"si", LX_FR}, {"since", LX_EN},
    {"sinon", LX_FR}, {"so", LX_EN}, {"soit", LX_FR}, {"some", LX_EN}, {"someone", LX_EN}, {"something", LX_EN}, {"son", LX_FR},
    {"sont", LX_FR}, {"sous", LX_FR}, {"such", LX_EN}, {"sur", LX_FR}, {"t", LX_FR},
    {"ta", LX_FR}, {"tall", LX_EN}, {"tandis", LX_FR}, {"than", LX_EN}, {"that", LX_EN}, {"the", LX_EN},
    {"their", LX_EN}, {"them", LX_EN}, {"then", LX_EN}, {"there", LX_EN}, {"these", LX_EN},
    {"they", LX_EN}, {"thick", LX_EN}, {"this", LX_EN}, {"those", LX_EN}, {"though", LX_EN}, {"through", LX_EN},
    {"to", LX_EN}, {"told", LX_EN}, {"too", LX_EN}, {"tous", LX_FR}, {"tout", LX_FR},
    {"toute", LX_FR}, {"toutes", LX_FR}, {"toward", LX_EN}, {"towards", LX_EN}, {"tres", LX_FR},
    {"under", LX_EN}, {"until", LX_EN}, {"up", LX_EN}, {"upon", LX_EN}, {"us", LX_EN},
    {"va", LX_FR}, {"vers", LX_FR}, {"very", LX_EN}, {"via", LX_ANY}, {"voire", LX_FR},
    {"vont", LX_FR}, {"vous", LX_FR}, {"was", LX_EN}, {"we", LX_EN}, {"were", LX_EN},
    {"what", LX_EN}, {"when", LX_EN}, {"where", LX_EN}, {"whether", LX_EN}, {"which", LX_EN},
    {"while", LX_EN}, {"who", LX_EN}, {"whom", LX_EN}, {"whose", LX_EN}, {"why", LX_EN}, {"wide", LX_EN},
    {"will", LX_EN}, {"with", LX_EN}, {"within", LX_EN}, {"without", LX_EN}, {"would", LX_EN},
    {"y", LX_FR}, {"yet", LX_EN}, {"you", LX_EN}, {"your", LX_EN},
};
static const struct lexword prenominals[] = {
    {"additional", LX_EN}, {"ancien", LX_FR}, {"anciennes", LX_FR}, {"anciens", LX_FR},
    {"autre", LX_FR}, {"autres", LX_FR}, {"beaux", LX_FR}, {"belles", LX_FR}, {"big", LX_EN},
    {"bigger", LX_EN}, {"bon", LX_FR}, {"bonne", LX_FR}, {"bonnes", LX_FR}, {"bons", LX_FR},
    {"civilian", LX_EN}, {"confirmed", LX_EN}, {"courtes", LX_FR}, {"courts", LX_FR},
    {"current", LX_EN}, {"dernier", LX_FR}, {"derniere", LX_FR}, {"dernieres", LX_FR},
    {"derniers", LX_FR}, {"different", LX_EN}, {"differentes", LX_FR}, {"differents", LX_FR},
    {"elderly", LX_EN}, {"enormes", LX_FR}, {"entire", LX_EN}, {"estimated", LX_EN},
    {"ex", LX_FR}, {"extra", LX_EN}, {"federal", LX_EN}, {"first", LX_EN}, {"foreign", LX_EN},
    {"former", LX_EN}, {"full", LX_EN}, {"further", LX_EN}, {"grand", LX_FR}, {"grande", LX_FR},
    {"grandes", LX_FR}, {"grands", LX_FR}, {"great", LX_EN}, {"gros", LX_FR}, {"grosse", LX_FR},
    {"grosses", LX_FR}, {"hautes", LX_FR}, {"hauts", LX_FR}, {"huge", LX_EN},
    {"importante", LX_FR}, {"importantes", LX_FR}, {"importants", LX_FR},
    {"international", LX_EN}, {"junior", LX_EN},
    {"key", LX_EN}, {"known", LX_EN}, {"large", LX_EN}, {"larger", LX_EN}, {"last", LX_EN},
    {"little", LX_EN}, {"local", LX_EN}, {"long", LX_ANY}, {"longs", LX_FR}, {"longue", LX_FR},
    {"longues", LX_FR}, {"main", LX_EN}, {"major", LX_EN}, {"meme", LX_FR}, {"memes", LX_FR},
    {"military", LX_EN}, {"more", LX_EN}, {"most", LX_EN}, {"national", LX_EN}, {"new", LX_EN},
    {"next", LX_EN}, {"nouveau", LX_FR}, {"nouveaux", LX_FR}, {"nouvel", LX_FR},
    {"nouvelle", LX_FR}, {"nouvelles", LX_FR}, {"old", LX_EN}, {"older", LX_EN},
    {"only", LX_EN}, {"other", LX_EN}, {"petit", LX_FR}, {"petite", LX_FR}, {"petites", LX_FR},
    {"petits", LX_FR}, {"pleines", LX_FR}, {"pleins", LX_FR}, {"plus", LX_FR},
    {"precedentes", LX_FR}, {"precedents", LX_FR}, {"premier", LX_FR}, {"premiere", LX_FR},
    {"premieres", LX_FR}, {"premiers", LX_FR}, {"previous", LX_EN}, {"principal", LX_FR},
    {"principale", LX_FR}, {"principales", LX_FR}, {"principaux", LX_FR}, {"prochain", LX_FR},
    {"prochaine", LX_FR}, {"prochaines", LX_FR}, {"prochains", LX_FR}, {"registered", LX_EN},
    {"remaining", LX_EN}, {"reported", LX_EN}, {"same", LX_EN}, {"senior", LX_EN},
    {"separate", LX_EN}, {"seul", LX_FR}, {"seule", LX_FR}, {"seules", LX_FR}, {"seuls", LX_FR},
    {"short", LX_EN}, {"simples", LX_FR}, {"small", LX_EN}, {"smaller", LX_EN}, {"tiny", LX_EN},
    {"top", LX_EN}, {"total", LX_EN}, {"tres", LX_FR}, {"uniques", LX_FR}, {"very", LX_EN},
    {"vieille", LX_FR}, {"vieilles", LX_FR}, {"vieux", LX_FR}, {"vrai", LX_FR},
    {"vraie", LX_FR}, {"vraies", LX_FR}, {"vrais", LX_FR}, {"whole", LX_EN}, {"young", LX_EN},
    {"younger", LX_EN},
};
static const struct lexword determiners[] = {
    {"celles", LX_FR}, {"ces", LX_FR}, {"ceux", LX_FR}, {"elles", LX_FR}, {"eux", LX_FR},
    {"her", LX_EN}, {"his", LX_EN}, {"its", LX_EN}, {"les", LX_FR}, {"leurs", LX_FR},
    {"mes", LX_FR}, {"my", LX_EN}, {"nos", LX_FR}, {"our", LX_EN}, {"ses", LX_FR},
    {"tes", LX_FR}, {"the", LX_EN}, {"their", LX_EN}, {"them", LX_EN}, {"these", LX_EN},
    {"those", LX_EN}, {"vos", LX_FR}, {"your", LX_EN},
};

/* ---- words that make a number a date, an identifier, an ordinal, a time - */

static const char *const months[] = {
    "aout", "apr", "april", "aug", "august", "avr", "avril", "dec", "december", "decembre",
    "feb", "february", "fev", "fevr", "fevrier", "jan", "january", "janv", "janvier", "juil",
    "juillet", "juin", "jul", "july", "jun", "june", "mai", "mar", "march", "mars", "may",
    "nov", "november", "novembre", "oct", "october", "octobre", "sep", "sept", "september",
    "septembre",
};
static const char *const id_words[] = {
    "acte", "alinea", "amendement", "amendment", "annex", "annexe", "art", "article",
    "articles", "boeing", "categorie", "category", "ch", "chambre", "chapitre", "chapter",
    "covid", "decree", "decret", "episode", "etape", "fig", "figure", "flight", "gate", "group",
    "groupe", "level", "ligne", "line", "loi", "n", "niveau", "no", "number", "numero", "p",
    "page", "pages", "paragraph", "paragraphe", "phase", "quai", "rang", "ref", "reference",
    "resolution", "room", "round", "route", "saison", "salle", "sars", "season", "section",
    "stage", "table", "tableau", "terminal", "tome", "top", "version", "vol", "volume",
    "week", "windows", "zone",
};
static const char *const ordinal_suffixes[] = {
    "d", "e", "eme", "emes", "er", "ere", "eres", "ers", "es", "ieme", "iemes", "nd", "rd",
    "re", "st", "th",
};
static const char *const time_words[] = {
    "am", "gmt", "h", "heure", "hrs", "o'clock", "pm", "utc",
};

/* Units of a game score: after "3 buts", the number in "à 2" is the
 * other side of the score, not a quantity. */
static const char *const score_units[] = {
    "buts", "essais", "games", "goals", "jeux", "manches", "points", "runs", "sets", "tries",
};

/* Words after a number that make it a street number ("12 rue de la Paix",
 * "10 Downing Street"). */
static const char *const street_words[] = {
    "allee", "av", "avenue", "bd", "boulevard", "chemin", "drive", "impasse", "lane", "place",
    "quai", "road", "route", "rue", "square", "st", "street",
};

/* ---- units --------------------------------------------------------------- */

/* Units of measure after which an article counts as the number 1. */
static const char *const measures[] = {
    "acre", "dollar", "euro", "franc", "gram", "gramme", "hectare", "kg", "kilo", "kilogram",
    "kilogramme", "kilometer", "kilometre", "kilos", "km", "liter", "litre", "livre", "meter",
    "metre", "mile", "pound", "ton", "tonne",
};

/* English plurals that do not end in -s. */
static const char *const irregular_plurals[] = {
    "cattle", "children", "data", "feet", "geese", "men", "mice", "people", "personnel",
    "police", "staff", "teeth", "women",
};

/* Unit abbreviations that may be glued to digits ("10km", "5kg", "1.5C"),
 * as written: case tells "5G" (a network) from "5g" (grams). */
static const char *const unit_abbrevs[] = {
    "C", "F", "GB", "GHz", "GW", "GWh", "GeV", "Go", "Hz", "J", "K", "Ko", "L", "MB", "MHz",
    "MW", "MWh", "MeV", "Mo", "TB", "TWh", "TeV", "W", "Wh", "cl", "cm", "eV", "ft", "g", "ha",
    "in", "j", "kB", "kHz", "kW", "kWh", "kb", "kg", "km", "km2", "kmh", "ko", "kt", "l", "lb",
    "lbs", "m", "m2", "m3", "mA", "mL", "mV", "mg", "mi", "min", "ml", "mm", "mn", "mph", "ms",
    "oz", "sec", "sq", "t", "yd",
};

/* Scale abbreviations written right after digits, as written. Those marked
 * `currency_only` are too ambiguous alone ("5m" is five metres, "$5m" five
 * million dollars). */
static const struct {
    const char *s;
    double mult;
    bool currency_only;
} scale_abbrevs[] = {
    {"B", 1e9, true},    {"Bn", 1e9, false},  {"K", 1e3, false},   {"M", 1e6, false},
    {"Md", 1e9, false},  {"Mds", 1e9, false}, {"Mrd", 1e9, false}, {"Mrds", 1e9, false},
    {"b", 1e9, true},    {"bln", 1e9, false}, {"bn", 1e9, false},  {"k", 1e3, false},
    {"m", 1e6, true},    {"md", 1e9, true},   {"mds", 1e9, false}, {"mln", 1e6, false},
    {"mn", 1e6, true},   {"tn", 1e12, false},
};

/* Currency symbols and their unit written out, per language. */
static const struct {
    uint32_t cp;
    const char *fr, *en;
} currencies[] = {
    {'$', "dollars", "dollars"}, {0xA3, "livres", "pounds"},    {0xA5, "yens", "yen"},
    {0x20AC, "euros", "euros"},  {0x20B9, "roupies", "rupees"}, {0x20BD, "roubles", "roubles"},
};

/* Approximation markers before a number, folded, apostrophes dropped
 * ("près d'un million" → "pres d"), keyed and sorted by their last word so
 * that a lookup starts from the word just before the number. Ranges
 * ("entre", "between") are handled with the range itself. */
static const struct marker {
    const char *last, *phrase;
    unsigned char langs;
} approx_markers[] = {
    {"a", "estime a", LX_FR},
    {"a", "estimee a", LX_FR},
    {"a", "estimees a", LX_FR},
    {"a", "estimes a", LX_FR},
    {"a", "inferieur a", LX_FR},
    {"a", "inferieur ou egal a", LX_FR},
    {"a", "inferieure a", LX_FR},
    {"a", "inferieures a", LX_FR},
    {"a", "inferieurs a", LX_FR},
    {"a", "jusqu a", LX_FR},
    {"a", "superieur a", LX_FR},
    {"a", "superieur ou egal a", LX_FR},
    {"a", "superieure a", LX_FR},
    {"a", "superieures a", LX_FR},
    {"a", "superieurs a", LX_FR},
    {"about", "about", LX_EN},
    {"above", "above", LX_EN},
    {"almost", "almost", LX_EN},
    {"approx", "approx", LX_EN},
    {"approximately", "approximately", LX_EN},
    {"approximativement", "approximativement", LX_FR},
    {"around", "around", LX_EN},
    {"as", "as few as", LX_EN},
    {"as", "as many as", LX_EN},
    {"as", "as much as", LX_EN},
    {"at", "estimated at", LX_EN},
    {"below", "below", LX_EN},
    {"circa", "circa", LX_EN},
    {"d", "autour d", LX_FR},
    {"d", "aux alentours d", LX_FR},
    {"d", "de l ordre d", LX_FR},
    {"d", "moins d", LX_FR},
    {"d", "plus d", LX_FR},
    {"d", "pres d", LX_FR},
    {"d", "proche d", LX_FR},
    {"de", "autour de", LX_FR},
    {"de", "aux alentours de", LX_FR},
    {"de", "de l ordre de", LX_FR},
    {"de", "moins de", LX_FR},
    {"de", "plus de", LX_FR},
    {"de", "pres de", LX_FR},
    {"de", "proche de", LX_FR},
    {"depasse", "depasse", LX_FR},
    {"depasser", "depasser", LX_FR},
    {"environ", "environ", LX_FR},
    {"estimated", "an estimated", LX_EN},
    {"estimated", "estimated", LX_EN},
    {"exceed", "exceed", LX_EN},
    {"exceeded", "exceeded", LX_EN},
    {"exceeding", "exceeding", LX_EN},
    {"exceeds", "exceeds", LX_EN},
    {"least", "at least", LX_EN},
    {"les", "depasse les", LX_FR},
    {"les", "depassent les", LX_FR},
    {"les", "depasser les", LX_FR},
    {"maximum", "au maximum", LX_FR},
    {"minimum", "au minimum", LX_FR},
    {"moins", "au moins", LX_FR},
    {"most", "at most", LX_EN},
    {"near", "near", LX_EN},
    {"nearly", "nearly", LX_EN},
    {"of", "in excess of", LX_EN},
    {"of", "upwards of", LX_EN},
    {"over", "over", LX_EN},
    {"plus", "au plus", LX_FR},
    {"pres", "a peu pres", LX_FR},
    {"presque", "presque", LX_FR},
    {"quasi", "quasi", LX_FR},
    {"quasiment", "quasiment", LX_FR},
    {"quelque", "quelque", LX_FR},
    {"roughly", "roughly", LX_EN},
    {"some", "some", LX_EN},
    {"than", "fewer than", LX_EN},
    {"than", "less than", LX_EN},
    {"than", "more than", LX_EN},
    {"to", "close to", LX_EN},
    {"to", "up to", LX_EN},
    {"under", "under", LX_EN},
};

/* Markers after a quantity: one word, then two words. */
static const struct lexword approx_after1[] = {
    {"approx", LX_EN}, {"environ", LX_FR}, {"odd", LX_EN},
};
static const struct {
    const char *w1, *w2;
    unsigned char langs;
} approx_after_pairs[] = {
    {"at", "least", LX_EN},   {"au", "moins", LX_FR},   {"et", "plus", LX_FR},
    {"or", "more", LX_EN},    {"or", "so", LX_EN},      {"ou", "plus", LX_FR},
    {"plus", "ou", LX_FR},
};

/* ---- lookups ------------------------------------------------------------- */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int cmp_numword(const void *k, const void *e)
{
    return strcmp((const char *)k, ((const struct numword *)e)->word);
}

static int cmp_lexword(const void *k, const void *e)
{
    return strcmp((const char *)k, ((const struct lexword *)e)->w);
}

static int cmp_str(const void *k, const void *e)
{
    return strcmp((const char *)k, *(const char *const *)e);
}

const struct numword *lex_numword(const char *w, enum extract_lang lang)
{
    const struct numword *e = bsearch(w, numwords, COUNT(numwords), sizeof numwords[0], cmp_numword);
    if (!e)
        return NULL;
    /* one word may have an entry per language ("billion"): walk the run */
    while (e > numwords && strcmp(e[-1].word, w) == 0)
        e--;
    for (; e < numwords + COUNT(numwords) && strcmp(e->word, w) == 0; e++)
        if (e->langs & lx_mask(lang))
            return e;
    return NULL;
}

/* Bit of a second byte in numindex.second; as in lex_numindex_may(). */
static unsigned char letter_bit(unsigned char b)
{
    if (b >= 0x80)
        return 29;
    b = (unsigned char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
    if (b >= 'a' && b <= 'z')
        return (unsigned char)(b - 'a');
    return b == 0 ? 26 : b == '-' ? 27 : 28;
}

/* The hash of the indexes: strmap_hash(), the hash doc.words keeps for
 * every word of a document, so that its users look a word up without
 * hashing it again. */
static unsigned word_hash(const char *w)
{
    return strmap_hash(w, strlen(w));
}

void lex_numindex_init(struct numindex *ix, enum extract_lang lang)
{
    memset(ix, 0, sizeof *ix);
    for (unsigned b = 0; b < 256; b++) {
        ix->bit[b] = letter_bit((unsigned char)b);
        ix->first[b] = ix->bit[b] < 26 ? (unsigned char)(ix->bit[b] + 1) : 0;
    }
    for (unsigned l = 1; l <= 26; l++)
        ix->second[l] = 1u << 29;
    for (size_t i = 0; i < COUNT(numwords); i++) {
        if (!(numwords[i].langs & lx_mask(lang)))
            continue;
        const char *w = numwords[i].word;
        ix->second[ix->first[(unsigned char)w[0]]] |= 1u << letter_bit((unsigned char)w[1]);
        unsigned full = word_hash(numwords[i].word);
        unsigned h = full & 255;
        while (ix->slot[h])
            h = (h + 1) & 255;
        ix->slot[h] = (unsigned char)(i + 1);
        ix->check[h] = (unsigned char)(full >> 24);
    }
    /* the markers' last words, each pointing at the first marker of its run */
    for (size_t i = 0; i < COUNT(approx_markers); i++) {
        if (i && strcmp(approx_markers[i - 1].last, approx_markers[i].last) == 0)
            continue;
        unsigned h = word_hash(approx_markers[i].last) & 127;
        while (ix->mslot[h])
            h = (h + 1) & 127;
        ix->mslot[h] = (unsigned char)(i + 1);
    }
}

/* The word lists of one language in one hash table, for lex_word_lists():
 * each distinct word once, with the bits of the lists that hold it. */
#define LIST_SLOTS 2048
struct list_index {
    struct {
        const char *w;
        uint16_t lists;
    } e[LIST_SLOTS / 2];
    size_t n;
    uint16_t slot[LIST_SLOTS]; /* 1 + index into e, 0 when empty */
};

static void list_add(struct list_index *ix, const char *w, unsigned list)
{
    unsigned h = word_hash(w) & (LIST_SLOTS - 1);
    for (; ix->slot[h]; h = (h + 1) & (LIST_SLOTS - 1))
        if (strcmp(ix->e[ix->slot[h] - 1].w, w) == 0) {
            ix->e[ix->slot[h] - 1].lists |= (uint16_t)list;
            return;
        }
    ix->e[ix->n].w = w;
    ix->e[ix->n].lists = (uint16_t)list;
    ix->slot[h] = (uint16_t)++ix->n;
}

static void list_add_lexwords(struct list_index *ix, const struct lexword *tab, size_t n, unsigned mask,
                              unsigned list)
{
    for (size_t i = 0; i < n; i++)
        if (tab[i].langs & mask)
            list_add(ix, tab[i].w, list);
}

static void list_add_strings(struct list_index *ix, const char *const *tab, size_t n, unsigned list)
{
    for (size_t i = 0; i < n; i++)
        list_add(ix, tab[i], list);
}

static void list_index_init(struct list_index *ix, enum extract_lang lang)
{
    unsigned mask = lx_mask(lang);
    list_add_lexwords(ix, stopwords, COUNT(stopwords), mask, LL_STOP);
    list_add_lexwords(ix, prenominals, COUNT(prenominals), mask, LL_PRENOMINAL);
    list_add_lexwords(ix, determiners, COUNT(determiners), mask, LL_DETERMINER);
    list_add_strings(ix, months, COUNT(months), LL_MONTH);
    list_add_strings(ix, id_words, COUNT(id_words), LL_ID);
    list_add_strings(ix, street_words, COUNT(street_words), LL_STREET);
    list_add_strings(ix, measures, COUNT(measures), LL_MEASURE);
    list_add_strings(ix, time_words, COUNT(time_words), LL_TIME);
    list_add_strings(ix, irregular_plurals, COUNT(irregular_plurals), LL_IRREGULAR_PLURAL);
    list_add_strings(ix, score_units, COUNT(score_units), LL_SCORE);
    for (size_t i = 0; i < COUNT(approx_markers); i++)
        if (approx_markers[i].langs & mask)
            list_add(ix, approx_markers[i].last, LL_APPROX_LAST);
}

static struct numindex numindex_fr, numindex_en;
static struct list_index lists_fr, lists_en;
static pthread_once_t numindex_once = PTHREAD_ONCE_INIT;

static void numindex_build(void)
{
    lex_numindex_init(&numindex_fr, LANG_FR);
    lex_numindex_init(&numindex_en, LANG_EN);
    list_index_init(&lists_fr, LANG_FR);
    list_index_init(&lists_en, LANG_EN);
}

unsigned lex_word_lists(const char *w, size_t n, unsigned hash, enum extract_lang lang)
{
    pthread_once(&numindex_once, numindex_build);
    const struct list_index *ix = lang == LANG_EN ? &lists_en : &lists_fr;
    for (unsigned h = hash & (LIST_SLOTS - 1); ix->slot[h]; h = (h + 1) & (LIST_SLOTS - 1)) {
        const char *e = ix->e[ix->slot[h] - 1].w;
        if (strncmp(e, w, n) == 0 && e[n] == '\0')
            return ix->e[ix->slot[h] - 1].lists;
    }
    return 0;
}

const struct numindex *lex_numindex(enum extract_lang lang)
{
    pthread_once(&numindex_once, numindex_build);
    return lang == LANG_EN ? &numindex_en : &numindex_fr;
}

const struct numword *lex_numindex_get(const struct numindex *ix, const char *w, size_t n, unsigned hash)
{
    unsigned char check = (unsigned char)(hash >> 24);
    for (unsigned h = hash & 255; ix->slot[h]; h = (h + 1) & 255) {
        const char *e = numwords[ix->slot[h] - 1].word;
        if (ix->check[h] == check && strncmp(e, w, n) == 0 && e[n] == '\0')
            return &numwords[ix->slot[h] - 1];
    }
    return NULL;
}

const struct numword *lex_numindex_find(const struct numindex *ix, const char *w)
{
    size_t n = strlen(w);
    return lex_numindex_get(ix, w, n, strmap_hash(w, n));
}

unsigned lex_numword_index(const struct numword *w)
{
    return w ? (unsigned)(w - numwords) + 1 : 0;
}

const struct numword *lex_numword_at(unsigned k)
{
    return k ? &numwords[k - 1] : NULL;
}

_Static_assert(COUNT(numwords) < 255, "number word indexes are bytes (struct wordinfo)");

static bool in_lexwords(const struct lexword *tab, size_t n, const char *w, enum extract_lang lang)
{
    const struct lexword *e = bsearch(w, tab, n, sizeof *tab, cmp_lexword);
    return e && (e->langs & lx_mask(lang));
}

static bool in_strings(const char *const *tab, size_t n, const char *w)
{
    return bsearch(w, tab, n, sizeof *tab, cmp_str) != NULL;
}

double lex_scale_abbrev(const char *s, size_t n, bool after_currency)
{
    if (n == 0 || n > 4 || !strchr("BKMbkmt", s[0]))
        return 0;
    for (size_t i = 0; i < COUNT(scale_abbrevs); i++)
        if (strlen(scale_abbrevs[i].s) == n && memcmp(scale_abbrevs[i].s, s, n) == 0)
            return !scale_abbrevs[i].currency_only || after_currency ? scale_abbrevs[i].mult : 0;
    return 0;
}

const char *lex_currency_symbol(uint32_t cp, enum extract_lang lang)
{
    for (size_t i = 0; i < COUNT(currencies); i++)
        if (currencies[i].cp == cp)
            return lang == LANG_EN ? currencies[i].en : currencies[i].fr;
    return NULL;
}

bool lex_is_unit_abbrev(const char *w)
{
    return in_strings(unit_abbrevs, COUNT(unit_abbrevs), w);
}

/* The first marker whose last word is `w`, or NULL. */
static const struct marker *marker_run(const struct numindex *ix, const char *w)
{
    for (unsigned h = word_hash(w) & 127; ix->mslot[h]; h = (h + 1) & 127)
        if (strcmp(approx_markers[ix->mslot[h] - 1].last, w) == 0)
            return &approx_markers[ix->mslot[h] - 1];
    return NULL;
}

/* A marker phrase has fewer words than this (sorted_markers() checks). */
#define MARKER_WORDS 8

size_t lex_approx_before(const struct numindex *ix, const char *const *words, size_t n,
                         enum extract_lang lang)
{
    if (n == 0)
        return 0;
    const struct marker *e = marker_run(ix, words[n - 1]);
    if (!e)
        return 0;
    const char *last = e->last;
    size_t last_len = strlen(last), best = 0;
    size_t len[MARKER_WORDS]; /* of words[n - 1 - k], found when first compared */
    for (size_t k = 0; k < MARKER_WORDS; k++)
        len[k] = SIZE_MAX;
    for (; e < approx_markers + COUNT(approx_markers) && (e->last == last || strcmp(e->last, last) == 0); e++) {
        if (!(e->langs & lx_mask(lang)))
            continue;
        /* the phrase ends with `last`, the word nearest the number: compare
         * the words before it, nearest first, with the words before, each
         * where it must end in the phrase */
        const char *m = e->phrase;
        size_t k = 1, end = strlen(m) - last_len; /* 0, or where `last` starts */
        bool ok = true;
        while (ok && end > 0) {
            end--; /* the space before the word compared last */
            if (k >= n || k >= MARKER_WORDS) {
                ok = false;
                break;
            }
            const char *w = words[n - 1 - k];
            if (len[k] == SIZE_MAX)
                len[k] = strlen(w);
            size_t l = len[k];
            ok = l <= end && memcmp(m + end - l, w, l) == 0 && (l == end || m[end - l - 1] == ' ') &&
                 !memchr(w, ' ', l);
            k++;
            end -= l;
        }
        if (ok && k > best)
            best = k;
    }
    return best;
}

bool lex_approx_after(const char *w, enum extract_lang lang)
{
    return in_lexwords(approx_after1, COUNT(approx_after1), w, lang);
}

bool lex_approx_after2(const char *w1, const char *w2, enum extract_lang lang)
{
    for (size_t i = 0; i < COUNT(approx_after_pairs); i++)
        if ((approx_after_pairs[i].langs & lx_mask(lang)) && strcmp(approx_after_pairs[i].w1, w1) == 0 &&
            strcmp(approx_after_pairs[i].w2, w2) == 0)
            return true;
    return false;
}

bool lex_is_ordinal_suffix(const char *w)
{
    return in_strings(ordinal_suffixes, COUNT(ordinal_suffixes), w);
}

/* Checks the sort order every binary search relies on; for the tests. */
static bool sorted_strings(const char *const *t, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (strcmp(t[i - 1], t[i]) >= 0)
            return false;
    return true;
}

static bool sorted_lexwords(const struct lexword *t, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (strcmp(t[i - 1].w, t[i].w) >= 0)
            return false;
    return true;
}

static bool sorted_markers(void)
{
    for (size_t i = 0; i < COUNT(approx_markers); i++) {
        const char *sp = strrchr(approx_markers[i].phrase, ' ');
        if (strcmp(sp ? sp + 1 : approx_markers[i].phrase, approx_markers[i].last) != 0)
            return false;
        size_t words = 1;
        for (const char *c = approx_markers[i].phrase; *c; c++)
            words += *c == ' ';
        if (words >= MARKER_WORDS)
            return false;
        if (i && strcmp(approx_markers[i - 1].last, approx_markers[i].last) > 0)
            return false;
    }
    return true;
}

bool lex_numbers_sorted(void)
{
    for (size_t i = 1; i < COUNT(numwords); i++)
        if (strcmp(numwords[i - 1].word, numwords[i].word) > 0)
            return false;
    return sorted_lexwords(stopwords, COUNT(stopwords)) &&
           sorted_lexwords(prenominals, COUNT(prenominals)) &&
           sorted_lexwords(determiners, COUNT(determiners)) &&
           sorted_markers() &&
           sorted_lexwords(approx_after1, COUNT(approx_after1)) &&
           sorted_strings(months, COUNT(months)) && sorted_strings(id_words, COUNT(id_words)) &&
           sorted_strings(ordinal_suffixes, COUNT(ordinal_suffixes)) &&
           sorted_strings(time_words, COUNT(time_words)) &&
           sorted_strings(street_words, COUNT(street_words)) &&
           sorted_strings(score_units, COUNT(score_units)) && sorted_strings(measures, COUNT(measures)) &&
           sorted_strings(irregular_plurals, COUNT(irregular_plurals)) &&
           sorted_strings(unit_abbrevs, COUNT(unit_abbrevs));
}
