/* test_figures.c — figure extraction: numbers in digits and words (French
 * and English), scales, collectives, percentages, currencies, counted nouns,
 * approximation, ranges, and what is not a figure (dates, years, times,
 * ordinals, identifiers, scores, vague plurals, articles). Sentences are
 * written for the tests; the seed article is embedded below. */
#include <stdbool.h>
#include <stdlib.h>

#include "extract.h"
#include "lexicon_numbers.h"
#include "numbers.h"
#include "test.h"

/* The project's seed article (news, March 2020) and its six figures. */
static const char seed_idlib[] =
    " date 2020-03 Après l’intensification des combats dans la région "
    "d’Idlib opposant les forces turques à une armée syrienne appuyée par "
    "l’aviation russe, le Président turc est allé chercher à Moscou "
    "l’espoir d’une trêve. Recep Tayyip Erdogan et Vladimir Poutine ont eu "
    "un tête-à-tête de trois heures, a indiqué le Kremlin, avant que leurs "
    "équipes poursuivent la recherche d'une résolution négociée au conflit "
    "qui les oppose sur le sol syrien.\n"
    "\n"
    "Recherche d'une solution négociée\n"
    "\n"
    "Après la mort d'une trentaine de soldats turcs à Idlib qui a entraîné "
    "une contre-offensive d'Ankara, et alors que la Russie a le contrôle "
    "de l'espace aérien de la région, l’un des enjeux de la rencontre "
    "était de mettre un terme à une escalade qui pourrait risquer de mener "
    "à un affrontement direct entre forces turques et russes .\n"
    "\n"
    "\"Nous devons discuter de toute la situation qui s'est développée "
    "jusqu'ici pour que rien de tel ne se reproduise et que les liens "
    "Russie-Turquie ne soient pas détruits.\"\n"
    "\n"
    "\"Nous devons discuter de toute la situation qui s'est développée "
    "jusqu'ici pour que rien de tel ne se reproduise et que les liens "
    "Russie-Turquie ne soient pas détruits\", a dit Vladimir Poutine en "
    "ouverture de l'entretien. Le Président russe a présenté au passage "
    "ses condoléances à son homologue tout en assurant que ni son armée ni "
    "les forces syriennes n’avaient connaissance de la situation précise "
    "des militaires turcs tués – une assertion qu’Ankara avait déjà rejetée.\n"
    "\n"
    "Un million de réfugiés de plus\n"
    "\n"
    "La tentative de reprise de la région d'Idlib par le régime de Damas "
    "et son allié russe a déclenché une crise humanitaire qui pourrait "
    "être selon les Nations unies la pire dans la région en neuf années de "
    "guerre, provoquant notamment le déplacement de près d’un million de "
    "personnes depuis décembre, principalement des femmes et des enfants.\n"
    "\n"
    "Alors que la Turquie abrite 3,7 millions de réfugiés syriens, Recep "
    "Tayyip Erdogan espérait faire accepter à Vladimir Poutine une zone "
    "tampon dans la province d'Idlib pour y relocaliser des millions de "
    "réfugiés , selon de hauts fonctionnaires turcs cités par l'agence "
    "Bloomberg. En face, Moscou soutient le régime de Damas dans sa "
    "reconquête de l’entièreté du territoire syrien et reproche à la "
    "Turquie de permettre aux rebelles d’attaquer ses bases.\n"
    "\n"
    "L'Otan appelle à l'unité\n"
    "\n"
    "\"Il y a des différences et des désaccords sur la manière de gérer la "
    "situation en Syrie, mais la Turquie est un allié important.\"\n"
    "\n"
    "Alors que l’intervention de la Turquie dans la région d’Idlib n’a pas "
    "été concertée avec ses alliés de l’Otan, provoquant l’ire des "
    "Européens, l’Organisation transatlantique a appelé ses membres à "
    "l’unité. \"Il y a des différences et des désaccords sur la manière de "
    "gérer la situation en Syrie, mais la Turquie est un allié important\", "
    "a indiqué à l’Agence France Presse le secrétaire général de l’Otan, "
    "Jens Stoltenberg. Le chef de la diplomatie française, Jean-Yves Le "
    "Drian, a estimé de son côté qu' \"une grande explication s'impose au "
    "sein de l'Alliance\" .\n"
    "\n"
    "Après avoir rencontré Recep T. Erdogan à Ankara mercredi, le "
    "président du Conseil européen Charles Michel a parlé jeudi par "
    "téléphone à Vladimir Poutine de la nécessité d'un cessez-le-feu à "
    "Idlib et d'une solution politique négociée pour mettre fin à la "
    "guerre en Syrie, a-t-il fait savoir. Selon le Kremlin, il a aussi "
    "parlé \"des mesures prises pour empêcher la migration illégale vers "
    "les pays de l'UE\" – principal sujet de préoccupation des dirigeants "
    "européens dans cette crise, alors que la Turquie dit refuser de gérer "
    "davantage de réfugiés. Sa décision de pousser des demandeurs d’asile "
    "vers sa frontière avec la Grèce est interprétée par l’Union "
    "européenne comme un chantage pour obtenir plus de financement et un "
    "soutien sur la création d’une zone tampon à Idlib.";

/* Extract `text` in `lang`; the caller frees with extraction_free(). */
static struct extraction run(const char *lang, const char *text)
{
    struct extraction x;
    struct article_input in = {.text = text, .len = strlen(text), .lang = lang};
    if (extract_article(&in, &x) != EXTRACT_OK)
        memset(&x, 0, sizeof x);
    return x;
}

/* The figure whose text is exactly `text`, or NULL. */
static const struct figure *fig(const struct extraction *x, const char *text)
{
    for (size_t i = 0; i < x->n_figures; i++)
        if (strcmp(x->figures[i].text, text) == 0)
            return &x->figures[i];
    return NULL;
}

/* Print what was found, to explain a failed check. */
static void dump(const struct extraction *x, const char *what)
{
    fprintf(stderr, "    for \"%s\" found:\n", what);
    for (size_t i = 0; i < x->n_figures; i++)
        fprintf(stderr, "      \"%s\" = %g unit \"%s\" approx %d\n", x->figures[i].text,
                x->figures[i].value, x->figures[i].unit, x->figures[i].approx);
}

/* Check that `sentence` in `lang` yields a figure `text` = value, unit,
 * approx. Reports the figures found when it does not. */
#define EXPECT(lang, sentence, ftext, fvalue, funit, fapprox)                                    \
    do {                                                                                         \
        struct extraction x_ = run(lang, sentence);                                              \
        const struct figure *f_ = fig(&x_, ftext);                                               \
        CHECK(f_ != NULL);                                                                       \
        if (!f_)                                                                                 \
            dump(&x_, ftext);                                                                    \
        if (f_) {                                                                                \
            CHECK_NEAR(f_->value, fvalue);                                                       \
            CHECK_STR(f_->unit, funit);                                                          \
            CHECK_INT(f_->approx, fapprox);                                                      \
        }                                                                                        \
        extraction_free(&x_);                                                                    \
    } while (0)

/* Check that `sentence` yields exactly `n` figures. */
#define EXPECT_COUNT(lang, sentence, n)                                                          \
    do {                                                                                         \
        struct extraction x_ = run(lang, sentence);                                              \
        CHECK_INT(x_.n_figures, n);                                                              \
        if (x_.n_figures != (size_t)(n))                                                         \
            dump(&x_, sentence);                                                                 \
        extraction_free(&x_);                                                                    \
    } while (0)


TEST(test_lexicon_sorted)
{
    CHECK(lex_numbers_sorted());
}

TEST(test_digit_values)
{
    CHECK_NEAR(number_digits_value("3,7", 3, LANG_FR), 3.7);
    CHECK_NEAR(number_digits_value("1.4", 3, LANG_FR), 1.4);
    CHECK_NEAR(number_digits_value("1.500", 5, LANG_FR), 1500);
    CHECK_NEAR(number_digits_value("1.500.000", 9, LANG_FR), 1500000);
    CHECK_NEAR(number_digits_value("12,567", 6, LANG_EN), 12567);
    CHECK_NEAR(number_digits_value("1.5", 3, LANG_EN), 1.5);
    CHECK_NEAR(number_digits_value("42.195", 6, LANG_EN), 42.195);
    CHECK_NEAR(number_digits_value("1,234,567.5", 11, LANG_EN), 1234567.5);
}

TEST(test_digit_separators)
{
    EXPECT("fr", "Il a couru 42,195 km.", "42,195 km", 42.195, "km", false);
    EXPECT("fr", "La ville compte 100 000 habitants.", "100 000 habitants", 100000, "habitants", false);
    EXPECT("fr", "La ville compte 100\xC2\xA0" "000 habitants.", "100\xC2\xA0" "000 habitants", 100000,
           "habitants", false);
    EXPECT("fr", "La ville compte 16\xE2\x80\xAF" "000\xE2\x80\xAF" "000 habitants.",
           "16\xE2\x80\xAF" "000\xE2\x80\xAF" "000 habitants", 16000000, "habitants", false);
    EXPECT("fr", "Au total, 1.500 personnes ont été évacuées.", "1.500 personnes", 1500, "personnes", false);
    EXPECT("fr", "Le taux atteint 1 500,5 euros.", "1 500,5 euros", 1500.5, "euros", false);
    EXPECT("en", "The city has 12,567 residents.", "12,567 residents", 12567, "residents", false);
    EXPECT("en", "He ran 42.195 kilometers.", "42.195 kilometers", 42.195, "kilometers", false);
}

TEST(test_number_words_fr)
{
    EXPECT("fr", "Deux cent mille personnes ont fui.", "Deux cent mille personnes", 200000, "personnes", false);
    EXPECT("fr", "Il reste quatre-vingt-dix soldats.", "quatre-vingt-dix soldats", 90, "soldats", false);
    EXPECT("fr", "Il a attendu soixante-douze heures.", "soixante-douze heures", 72, "heures", false);
    EXPECT("fr", "Il y avait vingt et un candidats.", "vingt et un candidats", 21, "candidats", false);
    EXPECT("fr", "On compte quatre-vingts commerces.", "quatre-vingts commerces", 80, "commerces", false);
    EXPECT("fr", "Il a vécu neuf années de guerre.", "neuf années", 9, "années", false);
    EXPECT("fr", "Mille personnes sont venues.", "Mille personnes", 1000, "personnes", false);
    EXPECT("fr", "Trois mille cinq cents euros ont été versés.", "Trois mille cinq cents euros", 3500, "euros",
           false);
}

TEST(test_number_words_en)
{
    EXPECT("en", "Three hundred and six delegates voted.", "Three hundred and six delegates", 306,
           "delegates", false);
    EXPECT("en", "There were twenty-five victims.", "twenty-five victims", 25, "victims", false);
    EXPECT("en", "Ninety soldiers arrived.", "Ninety soldiers", 90, "soldiers", false);
    EXPECT("en", "Two million people live there.", "Two million people", 2000000, "people", false);
    EXPECT("en", "It began a planned two-day shutdown.", "two-day", 2, "day", false);
    EXPECT("en", "Two-thirds of senators must vote.", "Two-thirds of senators", 2.0 / 3, "senators", false);
}

TEST(test_multipliers)
{
    EXPECT("fr", "Ils sont 3,7 millions de réfugiés syriens.", "3,7 millions de réfugiés", 3700000, "réfugiés",
           false);
    EXPECT("fr", "Le budget est de 100 millions d'euros.", "100 millions d'euros", 100000000, "euros", false);
    EXPECT("fr", "L'usine a coûté 3 M€ en tout.", "3 M€", 3000000, "euros", false);
    EXPECT("fr", "Un million de réfugiés sont arrivés.", "Un million de réfugiés", 1000000, "réfugiés", false);
    EXPECT("en", "The deal is worth $5 million.", "$5 million", 5000000, "dollars", false);
    EXPECT("en", "It cost 10k dollars.", "10k dollars", 10000, "dollars", false);
    EXPECT("en", "The firm raised 1.5bn euros.", "1.5bn euros", 1.5e9, "euros", false);
    EXPECT("en", "It lost £2bn last year.", "£2bn", 2e9, "pounds", false);
    EXPECT("en", "The firm raised $5m.", "$5m", 5e6, "dollars", false);
}

TEST(test_halves_and_units_glued)
{
    EXPECT("fr", "Il a écopé de deux ans et demi de prison.", "deux ans et demi", 2.5, "ans", false);
    EXPECT("en", "He was jailed for two and a half years.", "two and a half years", 2.5, "years", false);
    EXPECT("en", "The goal is to limit warming to 1.5C.", "1.5C", 1.5, "C", false);
    EXPECT("en", "The ship was 40 m wide.", "40 m", 40, "m", false);
    EXPECT("fr", "Il a couru 10km.", "10km", 10, "km", false);
    EXPECT_COUNT("en", "The 5G network and 3D films. The iPhone 12 came out.", 0);
    EXPECT_COUNT("fr", "Le service est ouvert 7j/7 et 24h/24.", 0);
    EXPECT("fr", "Les Jeux coûteront 8,8 milliards.", "8,8 milliards", 8.8e9, "milliards", false);
    EXPECT_COUNT("fr", "Le gouvernement a utilisé le 49.3 hier. Il est arrivé à deux heures et demie.", 0);
}

TEST(test_collectives)
{
    EXPECT("fr", "Une trentaine de soldats turcs sont morts.", "Une trentaine de soldats", 30, "soldats", true);
    EXPECT("fr", "Une dizaine de blessés ont été soignés.", "Une dizaine de blessés", 10, "blessés", true);
    EXPECT("fr", "Il a reçu une centaine de lettres.", "une centaine de lettres", 100, "lettres", true);
    EXPECT("fr", "Un millier de personnes ont défilé.", "Un millier de personnes", 1000, "personnes", true);
    EXPECT("en", "A dozen children were hurt.", "A dozen children", 12, "children", true);
    EXPECT("en", "They scored a couple of tries.", "a couple of tries", 2, "tries", true);
}

TEST(test_percentages)
{
    EXPECT("fr", "Le chômage atteint 20 % des actifs.", "20 %", 20, "%", false);
    EXPECT("fr", "Le chômage atteint 8,1%.", "8,1%", 8.1, "%", false);
    EXPECT("fr", "La hausse est de 20 pour cent.", "20 pour cent", 20, "pour cent", false);
    EXPECT("en", "Coverage rose to 55 percent.", "55 percent", 55, "percent", false);
    EXPECT("en", "Unemployment reached 8.1 per cent.", "8.1 per cent", 8.1, "per cent", false);
    EXPECT("en", "It fell 20%.", "20%", 20, "%", false);
}

TEST(test_currencies)
{
    EXPECT("fr", "Le revenu est inférieur ou égal à 2 200 €.", "inférieur ou égal à 2 200 €", 2200, "euros", true);
    EXPECT("fr", "Le baril coûte 80 dollars.", "80 dollars", 80, "dollars", false);
    EXPECT("en", "Tickets cost €3 each.", "€3", 3, "euros", false);
    EXPECT("en", "It is worth around US$400 million.", "around US$400 million", 4e8, "dollars", true);
    EXPECT("en", "The works will cost $200,000.", "$200,000", 200000, "dollars", false);
}

TEST(test_counted_noun)
{
    EXPECT("fr", "Au cours des cinq prochaines années, rien.", "cinq prochaines années", 5, "années", false);
    EXPECT("fr", "Deux des plus importantes associations ont signé.", "Deux des plus importantes associations", 2,
           "associations", false);
    EXPECT("fr", "Il a supprimé 8 000 de ces postes.", "8 000 de ces postes", 8000, "postes", false);
    EXPECT("fr", "Il a entendu deux « bangs successifs ».", "deux « bangs", 2, "bangs", false);
    EXPECT("fr", "La forêt couvre 5 000 km².", "5 000 km²", 5000, "km²", false);
    EXPECT("en", "It killed 54 small children.", "54 small children", 54, "children", false);
    EXPECT("en", "He won 1,124 pledged delegates.", "1,124 pledged delegates", 1124, "delegates", false);
    EXPECT("en", "There were 3,728 measles cases.", "3,728 measles cases", 3728, "measles cases", false);
    EXPECT("en", "Three of these states voted.", "Three of these states", 3, "states", false);
    EXPECT("en", "It was once a 20-room mansion.", "20-room", 20, "room", false);
}

TEST(test_approx_fr)
{
    EXPECT("fr", "Environ 130 municipalités sont touchées.", "Environ 130 municipalités", 130, "municipalités",
           true);
    EXPECT("fr", "Près d'un million de personnes ont fui.", "Près d'un million de personnes", 1e6, "personnes",
           true);
    EXPECT("fr", "Plus de 500 pompiers luttent.", "Plus de 500 pompiers", 500, "pompiers", true);
    EXPECT("fr", "Les enfants de moins de 14 ans.", "moins de 14 ans", 14, "ans", true);
    EXPECT("fr", "Quelque 500 soldats sont arrivés.", "Quelque 500 soldats", 500, "soldats", true);
    EXPECT("fr", "La peine va jusqu'à 5 ans de prison.", "jusqu'à 5 ans", 5, "ans", true);
    EXPECT("fr", "Il a fait au moins un épisode.", "au moins un épisode", 1, "épisode", true);
    EXPECT("fr", "Il est parti depuis plus d'un mois.", "plus d'un mois", 1, "mois", true);
    EXPECT("fr", "Il a vécu 20 ans environ.", "20 ans environ", 20, "ans", true);
}

TEST(test_approx_en)
{
    EXPECT("en", "It lasted about 31 minutes.", "about 31 minutes", 31, "minutes", true);
    EXPECT("en", "It took nearly two weeks.", "nearly two weeks", 2, "weeks", true);
    EXPECT("en", "It took almost two weeks.", "almost two weeks", 2, "weeks", true);
    EXPECT("en", "Some 500 soldiers came.", "Some 500 soldiers", 500, "soldiers", true);
    EXPECT("en", "More than 1000 people marched.", "More than 1000 people", 1000, "people", true);
    EXPECT("en", "It has over 220 members.", "over 220 members", 220, "members", true);
    EXPECT("en", "The law allows up to 5 years in prison.", "up to 5 years", 5, "years", true);
    EXPECT("en", "He needs at least 1,991 delegates.", "at least 1,991 delegates", 1991, "delegates", true);
    EXPECT("en", "It rose to around 20%.", "around 20%", 20, "%", true);
    EXPECT("en", "It hosts roughly 200 residents.", "roughly 200 residents", 200, "residents", true);
    EXPECT("en", "It is approximately 26 miles long.", "approximately 26 miles", 26, "miles", true);
    EXPECT("en", "His fortune is estimated at $1.2 billion.", "estimated at $1.2 billion", 1.2e9, "dollars", true);
    EXPECT("en", "It has been more than a year.", "more than a year", 1, "year", true);
    EXPECT("en", "The first fifteen or so minutes.", "fifteen or so minutes", 15, "minutes", true);
}

TEST(test_ranges)
{
    EXPECT("fr", "L'Iran veut attirer 60 à 80 milliards de dollars.", "60 à 80 milliards de dollars", 60e9,
           "dollars", true);
    EXPECT("fr", "L'Iran veut attirer 60 à 80 milliards de dollars.", "80 milliards de dollars", 80e9,
           "dollars", true);
    EXPECT("fr", "Il est tombé entre 60 et 100 mm de pluie.", "60 et 100 mm", 60, "mm", true);
    EXPECT("fr", "Il est tombé entre 60 et 100 mm de pluie.", "100 mm", 100, "mm", true);
    EXPECT("fr", "Les livraisons seront divisées en trois ou quatre lots.", "trois ou quatre lots", 3, "lots", true);
    EXPECT("en", "Suicides by 10–19 year olds rose.", "10–19 year olds", 10, "year olds", false);
    EXPECT("en", "Suicides by 10–19 year olds rose.", "19 year olds", 19, "year olds", false);
    EXPECT("en", "It takes between 10 and 20 minutes.", "10 and 20 minutes", 10, "minutes", true);
    EXPECT("en", "It takes between 10 and 20 minutes.", "20 minutes", 20, "minutes", true);
}

TEST(test_articles)
{
    EXPECT_COUNT("fr", "Un homme a été arrêté dans une voiture.", 0);
    EXPECT_COUNT("fr", "L'un de ses avocats a parlé.", 0);
    EXPECT_COUNT("en", "A man was arrested. One of them spoke. No one came.", 0);
    EXPECT_COUNT("en", "The only one person who can help is over a bridge.", 0);
    EXPECT("fr", "Un kilo de corne vaut de l'or.", "Un kilo", 1, "kilo", false);
    EXPECT("fr", "Il compte 17 ministres, 7 vice-ministres et un porte-parole.", "un porte-parole", 1,
           "porte-parole", false);
    EXPECT("en", "Households with at least one unvaccinated person.", "at least one unvaccinated person", 1,
           "person", true);
    EXPECT("en", "One out of every thousand children who contract it.", "One out of every thousand children", 1,
           "children", false);
}

/* Each figure keeps its sentence, or of a long one the words around it:
 * a sentence listing thousands of numbers gave every figure the whole
 * sentence, an output growing with the square of the text. */
TEST(test_sentence_bounded)
{
    const char *head = "The repairs took three weeks of work. The counts were ";
    size_t n = 4000, len = strlen(head);
    char *text = malloc(len + n * 4 + 16);
    memcpy(text, head, len);
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(text + len, "%s%zu", i ? ", " : "", i % 10 + 1);
    strcpy(text + len, " weeks.");
    struct extraction x = run("en", text);
    CHECK(x.n_figures > 1000);
    const struct figure *w = fig(&x, "three weeks");
    CHECK(w && strcmp(w->sentence, "The repairs took three weeks of work.") == 0);
    size_t longest = 0, outside = 0;
    for (size_t i = 0; i < x.n_figures; i++) {
        const struct figure *f = &x.figures[i];
        size_t sl = strlen(f->sentence);
        longest = sl > longest ? sl : longest;
        /* the figure's own text is in what is kept, whole words around it */
        const char *at = strstr(f->sentence, f->text);
        if (!at || (f->sentence[0] == ' ') || (sl && f->sentence[sl - 1] == ' '))
            outside++;
    }
    CHECK(longest <= 2 * 200 + 16);
    CHECK_INT(outside, 0);
    extraction_free(&x);
    free(text);
}

TEST(test_not_figures)
{
    EXPECT_COUNT("fr", "Le 14 juillet 2019, vers 14h30, il est parti.", 0);
    EXPECT_COUNT("fr", "En 2016, il a été réélu. Le 1er septembre, la 3e fois.", 0);
    EXPECT_COUNT("fr", "Le G7 et l'article 49.3 de la Constitution, face au Covid-19.", 0);
    EXPECT_COUNT("fr", "Le PSG s'est imposé 3-1 face à Lyon.", 0);
    EXPECT_COUNT("fr", "Des milliers de personnes et plusieurs centaines de policiers.", 0);
    EXPECT_COUNT("fr", "Le vote a eu lieu à 20 heures. Rendez-vous à 19 heures 30.", 0);
    EXPECT_COUNT("fr", "Appelez le 01 45 67 89 10. Il habite au 12 rue de la Paix.", 0);
    EXPECT_COUNT("fr", "La loi n° 2016-1088 du 8 août 2016. Le CAC 40 ouvre. Les Vingt-Sept sont réunis.", 0);
    EXPECT_COUNT("fr", "Ils ont perdu 3 à 0. Ils étaient tous deux présents.", 0);
    EXPECT_COUNT("fr", "Du 25 au 27 janvier, l'Airbus A380 a volé.", 0);
    EXPECT_COUNT("en", "On March 17, 2020, at 3 p.m., he left. At 8 o'clock he came back.", 0);
    EXPECT_COUNT("en", "He finished 2nd, then 3rd, on September 1st.", 0);
    EXPECT_COUNT("en", "The G7 met over Covid-19. Section 230 and Flight 447 were discussed.", 0);
    EXPECT_COUNT("en", "Liverpool won 3-1. The match ended 24-12.", 0);
    EXPECT_COUNT("en", "Thousands of people and hundreds of officers came.", 0);
    EXPECT_COUNT("en", "In the 1990s and in '68, on 20 Nov 2019, he lived at 10 Downing Street.", 0);
    EXPECT_COUNT("en", "The Boeing 737 and 777 were grounded.", 0);
}

TEST(test_bare_numbers)
{
    EXPECT("en", "Biden won 1,124 pledged delegates; Sanders trailed with 815.", "815", 815, "delegates", false);
    EXPECT("fr", "Il possède 256 avions dont 150 sont opérationnels.", "150", 150, "avions", false);
    EXPECT("en", "Cummings died in October at the age of 68.", "68", 68, "age", false);
    EXPECT("en", "The ten states with most guns had 50% rates; the ten with fewest had 20%.", "ten", 10, "states",
           false);
    EXPECT("en", "It infected over 4,200 of the nation's roughly 200,000 residents.",
           "over 4,200 of the nation's roughly 200,000 residents", 4200, "residents", true);
    EXPECT("en", "Joe Biden, 77, spoke.", "77", 77, "years", false);
    EXPECT_COUNT("fr", "Contactez le 17. Le premier tour aura lieu le 20 juin, le second le 27.", 0);
    EXPECT_COUNT("fr", "L'ONU compte 193 États membres. Il cite le psaume 23.", 1);
    EXPECT("en", "They scored two tries. They led for the first fifteen or so.", "fifteen or so", 15, "tries", true);
    EXPECT_COUNT("fr", "L'équipe l'a emporté 3 buts à 2.", 1);
}

TEST(test_ratios)
{
    EXPECT("en", "The rate was three per 100,000 people.", "three per 100,000 people", 3, "per 100,000 people",
           false);
    EXPECT("en", "It had fifteen youth suicides per 100,000 individuals.",
           "fifteen youth suicides per 100,000 individuals", 15, "youth suicides", false);
    EXPECT_COUNT("fr", "Une personne sur cinq est touchée.", 0);
    EXPECT_COUNT("fr", "Trois trains sur quatre circuleront lundi.", 1);
    EXPECT("en", "Three out of four trains will run.", "Three out of four trains", 3, "trains", false);
    EXPECT_COUNT("en", "Diesel rose to $1.45 a litre.", 1);
    EXPECT_COUNT("en", "One in five people is affected.", 0);
}

TEST(test_sentence_and_span)
{
    const char *text = "Le bilan est lourd. Au moins 17 personnes ont été tuées. La police enquête.";
    struct extraction x = run("fr", text);
    CHECK_INT(x.n_figures, 1);
    if (x.n_figures == 1) {
        const struct figure *f = &x.figures[0];
        CHECK_STR(f->text, "Au moins 17 personnes");
        CHECK_STR(f->sentence, "Au moins 17 personnes ont été tuées.");
        CHECK_INT(f->span.start, strstr(text, "Au moins") - text);
        CHECK_INT(f->span.end, strstr(text, " ont") - text);
    }
    extraction_free(&x);
}

TEST(test_seed_article)
{
    struct extraction x = run("fr", seed_idlib);
    static const struct {
        const char *text;
        double value;
        const char *unit;
        bool approx;
    } want[] = {
        {"trois heures", 3, "heures", false},
        {"une trentaine de soldats", 30, "soldats", true},
        {"Un million de réfugiés", 1e6, "réfugiés", false},
        {"neuf années", 9, "années", false},
        {"près d’un million de personnes", 1e6, "personnes", true},
        {"3,7 millions de réfugiés", 3.7e6, "réfugiés", false},
    };
    CHECK_INT(x.n_figures, 6);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const struct figure *f = fig(&x, want[i].text);
        CHECK(f != NULL);
        if (!f) {
            dump(&x, want[i].text);
            continue;
        }
        CHECK_NEAR(f->value, want[i].value);
        CHECK_STR(f->unit, want[i].unit);
        CHECK_INT(f->approx, want[i].approx);
    }
    extraction_free(&x);
}

int main(void)
{
    RUN(test_lexicon_sorted);
    RUN(test_digit_values);
    RUN(test_digit_separators);
    RUN(test_number_words_fr);
    RUN(test_number_words_en);
    RUN(test_multipliers);
    RUN(test_halves_and_units_glued);
    RUN(test_collectives);
    RUN(test_percentages);
    RUN(test_currencies);
    RUN(test_counted_noun);
    RUN(test_approx_fr);
    RUN(test_approx_en);
    RUN(test_ranges);
    RUN(test_articles);
    RUN(test_not_figures);
    RUN(test_sentence_bounded);
    RUN(test_bare_numbers);
    RUN(test_ratios);
    RUN(test_sentence_and_span);
    RUN(test_seed_article);
    TEST_SUMMARY();
}
