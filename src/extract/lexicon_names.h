/* lexicon_names.h — the word lists the actors pass reads: titles, honorifics,
 * name particles, first names, organisation and place cue words, months and
 * weekdays, sentence-initial function words, nationality adjectives, and the
 * known places, organisations and media with their alternative names.
 *
 * Every table is a static const array in lexicon_names.c, sorted by its
 * folded key (see utf8_fold); a hash index of each table is built once, on
 * the first lookup (pthread_once), and only read afterwards, so every
 * function here is safe to call from any thread.
 * Keys must be passed already folded (lower case, accents stripped). */
#ifndef QUOTED_LEXICON_NAMES_H
#define QUOTED_LEXICON_NAMES_H

#include <stdbool.h>
#include <stddef.h>

#include "extract.h"

/* What a single folded word can be; a word may carry several bits. */
enum lex_word_flag {
    LW_FIRSTNAME = 1 << 0,  /* common given name: "vladimir", "marie" */
    LW_TITLE = 1 << 1,      /* role before or after a name: "president", "ministre" */
    LW_HONORIFIC = 1 << 2,  /* "m", "mme", "mr", "dr" */
    LW_PARTICLE = 1 << 3,   /* lower-case word inside a name: "de", "von", "bin" */
    LW_ORGCUE = 1 << 4,     /* word that makes a name an organisation: "parti", "council" */
    LW_PLACECUE = 1 << 5,   /* word that makes a name a place: "street", "lac" */
    LW_TIME = 1 << 6,       /* month or weekday: never an actor */
    LW_STOP = 1 << 7,       /* function or common word: not a name when capitalised
                             * only because it starts a sentence */
    LW_SPEECH = 1 << 8,     /* speech verb form: "said", "a dit" (the participle) */
    LW_PLACEPREP = 1 << 9,  /* preposition before a place: "à", "en", "in", "near" */
    LW_ORGHEAD = 1 << 10,   /* lower-case head of a French organisation name:
                             * "ministère de la Justice", "université de …" */
    LW_DEJOIN = 1 << 11,    /* place or body word that takes "de"/"of" + name:
                             * "Corée du Nord", "University of East Anglia" */
    LW_ORGADJ = 1 << 12,    /* lower-case adjective inside an organisation name:
                             * "unies", "libre", "populaire" (suffix rules add more) */
    LW_NEVER = 1 << 13,     /* capitalised word that is never an actor on its own
                             * ("Covid", "Internet", "Dieu") */
    LW_THING = 1 << 14,     /* word that makes a name a law, event, work or
                             * product, not an actor ("Act", "Bill", "Sommet") */
    LW_CORP = 1 << 15,      /* company suffix: "Holdings", "Inc", "Group" */
    LW_ENTSTART = 1 << 16,  /* first word of a known entity of several words
                             * ("nations", "l" of "l'oreal"): lets the actors
                             * pass skip the longer lookups for other words */
    LW_ENTITY = 1 << 17,    /* the word alone is a known entity ("france") */
    LW_NATION = 1 << 18,    /* the word is a nationality adjective ("turc") */
    LW_ENTWORD = 1 << 19,   /* a later word of a known entity of several words
                             * ("unies" of "nations unies") */
};

/* Flags of folded word w[0..n), 0 when unknown. */
unsigned lex_word(const char *w, size_t n);
/* lex_word() of w[0..n) whose strmap_hash() is already known (`hash`, as
 * doc.words[].hash holds it): the same flags without hashing the word. */
unsigned lex_word_hashed(const char *w, size_t n, unsigned hash);

/* A known place, organisation or medium. `group` names the entity the key
 * stands for, so that every key with the same group is the same actor
 * ("ue", "union europeenne", "eu", "european union" share "eu"). */
struct lex_entity {
    const char *key;        /* folded name */
    enum actor_type type;
    const char *group;      /* NULL when the key is its own group */
    bool acronym;           /* written in capitals ("UN", "AFP"): only a word
                             * in capitals names it ("Un" does not) */
};

/* The known entity named by folded text s[0..n), or NULL. */
const struct lex_entity *lex_entity_find(const char *s, size_t n);

/* The country a folded nationality adjective refers to ("turc", "turques",
 * "turkish" -> "turkey"), or NULL when w is not one. */
const char *lex_nationality(const char *w, size_t n);

/* Table access for the unit tests, which check order and folding. */
struct lex_table {
    const char *name;
    const void *base;        /* first entry; each entry starts with its key */
    size_t n, stride;
};
size_t lex_tables(struct lex_table *out, size_t cap);

#endif
