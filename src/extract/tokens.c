/* tokens.c — splits an article into tokens and sentences, once, for every
 * extraction pass.
 *
 * A word keeps inner hyphens and apostrophes followed by a letter
 * ("Jean-Yves", "a-t-il", "aujourd'hui") but an elided article stays apart
 * ("l'", "d'" end the token before the apostrophe: "l" "’" "aviation"). A
 * number keeps "," or "." between digits ("3,7", "12,567", "1.5").
 * Sentences end at . ! ? … (with any closing quote mark after them) before
 * an upper-case letter, digit or opening mark, and at every line break;
 * abbreviations and initials ("M.", "Dr.", "Recep T. Erdogan", "U.S.") do
 * not end a sentence. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"
#include "strmap.h"
#include "utf8.h"

static bool is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static bool is_hyphen(uint32_t c)
{
    return c == '-' || c == 0x2010 || c == 0x2011;
}

/* French elisions that stand as their own token before an apostrophe. */
static bool is_elision(const char *s, size_t n)
{
    static const struct { char w[7]; unsigned char n; } el[] = {
        {"l", 1}, {"d", 1}, {"j", 1}, {"m", 1}, {"n", 1}, {"s", 1}, {"t", 1}, {"c", 1}, {"qu", 2},
        {"jusqu", 5}, {"lorsqu", 6}, {"puisqu", 6}, {"quoiqu", 6}, {"presqu", 6}};
    for (size_t i = 0; i < sizeof el / sizeof el[0]; i++) {
        if (el[i].n != n)
            continue;
        /* s holds letters: bit 0x20 lowers an ASCII one and makes no
         * other byte an ASCII letter */
        size_t k = 0;
        while (k < n && ((unsigned char)s[k] | 0x20) == (unsigned char)el[i].w[k])
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* Character classes of the bytes, read-only: ASCII letters (with their
 * case), digits and spaces as cp_is_letter(), cp_is_upper(), cp_is_digit()
 * and cp_is_space() class them; C_MORE marks the bytes after which a word
 * may go on past its ASCII letters and digits: a hyphen, an apostrophe and
 * every byte >= 0x80 (a multi-byte code point, decoded apart). C_UPPER is
 * the bit that lowers an ASCII capital. */
enum { C_LETTER = 1, C_LOWER = 2, C_DIGIT = 4, C_SPACE = 8, C_MORE = 0x10, C_UPPER = 0x20 };
#define LO (C_LETTER | C_LOWER)
#define UP (C_LETTER | C_UPPER)
#define DI C_DIGIT
#define SP C_SPACE
#define MO C_MORE
#define MO16 MO, MO, MO, MO, MO, MO, MO, MO, MO, MO, MO, MO, MO, MO, MO, MO
static const unsigned char byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, SP, SP, SP, SP, SP, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    SP, 0, 0, 0, 0, 0, 0, MO, 0, 0, 0, 0, 0, MO, 0, 0,
    DI, DI, DI, DI, DI, DI, DI, DI, DI, DI, 0, 0, 0, 0, 0, 0,
    0, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP,
    UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, UP, 0, 0, 0, 0, 0,
    0, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO,
    LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, LO, 0, 0, 0, 0, 0,
    MO16, MO16, MO16, MO16, MO16, MO16, MO16, MO16,
};
#undef MO16
#undef MO
#undef LO
#undef UP
#undef DI
#undef SP

/* Append the fold of code point c (not ASCII) at o, as utf8_fold_into()
 * folds it inside a word; returns the new end. No code point of a token
 * folds to a space (those end tokens), so the fold of a token is the
 * folds of its code points. */
static char *fold_cp(uint32_t c, char *o)
{
    if (c >= 0x300 && c <= 0x36F) /* combining marks: dropped */
        return o;
    return o + cp_fold(c, o);
}

/* The slot of folded word w[0..n) (hash h): its own, or the empty slot
 * where it belongs. */
static uint32_t *word_slot(const struct doc *d, const char *w, size_t n, unsigned h)
{
    for (size_t i = h & d->word_mask;; i = (i + 1) & d->word_mask) {
        uint32_t *x = &d->word_slots[i];
        if (!*x)
            return x;
        const struct doc_word *e = &d->words[*x - 1];
        if (e->hash == h && e->flen == n && strmap_same_bytes(d->fold + e->foff, w, n))
            return x;
    }
}

long doc_word_find(const struct doc *d, const char *w, size_t n)
{
    if (!d->word_slots)
        return -1;
    uint32_t x = *word_slot(d, w, n, strmap_hash(w, n));
    return x ? (long)x - 1 : -1;
}

/* The hash and the comparison of folds inside d->fold, where
 * doc_tokenize() leaves at least 8 written bytes after every fold's NUL:
 * on little-endian machines, eight bytes at a time with the bytes past the
 * fold masked off (no byte loop for the tail). */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static inline uint64_t load8(const char *p)
{
    uint64_t w;
    memcpy(&w, p, 8);
    return w;
}

/* The first n (< 8) bytes at p, the others zero: strmap_hash()'s tail. */
static inline uint64_t head_bytes(const char *p, size_t n)
{
    static const uint64_t mask[8] = {0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF,
                                     0xFFFFFFFFFFFFFF};
    return load8(p) & mask[n];
}

/* The end of strmap_hash(): h after the whole words, with the tail (the
 * last n % 8 bytes, as head_bytes() reads them). */
static inline unsigned hash_last(uint64_t h, uint64_t tail)
{
    h = (h ^ tail) * 0xC4CEB9FE1A85EC53u;
    h ^= h >> 29;
    return (unsigned)(h ^ (h >> 32));
}

#define HASH_SEED 0x9E3779B97F4A7C15u

/* strmap_hash(k, n), read as whole words. */
static inline unsigned fold_hash(const char *k, size_t n)
{
    uint64_t h = HASH_SEED ^ (uint64_t)n;
    for (; n >= 8; k += 8, n -= 8) {
        h = (h ^ load8(k)) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
    }
    return hash_last(h, head_bytes(k, n));
}

static inline bool same_fold(const char *a, const char *b, size_t n)
{
    for (; n >= 8; a += 8, b += 8, n -= 8)
        if (load8(a) != load8(b))
            return false;
    return head_bytes(a, n) == head_bytes(b, n);
}
#else
static inline unsigned fold_hash(const char *k, size_t n)
{
    return strmap_hash(k, n);
}

static inline bool same_fold(const char *a, const char *b, size_t n)
{
    return strmap_same_bytes(a, b, n);
}

#endif

/* Fold the ASCII letters and digits from p (before end) to *w, which
 * moves past them: lower case, which for them all is bit 0x20 set. Returns
 * the end of the run, sets *stop to the byte_class of the byte after it
 * (0 at the end) and *lower when the run holds a lower-case letter. May
 * write up to 8 bytes past the fold of the run (doc_tokenize() leaves that
 * room after every fold). */
static inline const unsigned char *fold_alnum(const unsigned char *p, const unsigned char *end, char **w,
                                              bool *lower, unsigned *stop)
{
    char *o = *w;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* eight bytes at a time: in each byte up to the first that is no
     * ASCII letter or digit, bit 7 of `in` says it is one. The sums carry
     * into the next byte only from a byte >= 0x80, which ends the run, and
     * leave bit 7 of `letter` and `digit` clear in such a byte. */
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    while (end - p >= 8) {
        uint64_t x = load8((const char *)p), l = x | 0x20 * ones;
        uint64_t letter = (l + 0x1F * ones) & ~(l + 0x05 * ones); /* l in a..z */
        uint64_t digit = (x + 0x50 * ones) & ~(x + 0x46 * ones);  /* x in 0..9 */
        uint64_t in = (letter | digit) & high;
        uint64_t lowers = letter & (x << 2); /* bit 0x20 set: a..z */
        memcpy(o, &l, 8); /* the fold of every byte of the run */
        if (in == high) {
            *lower |= (lowers & high) != 0;
            o += 8;
            p += 8;
            continue;
        }
        uint64_t out = in ^ high, run = (out & -out) - 1; /* the bits before the first stop */
        unsigned k = (unsigned)__builtin_ctzll(out) / 8;
        *lower |= (lowers & run & high) != 0;
        *w = o + k;
        *stop = byte_class[p[k]];
        return p + k;
    }
#endif
    unsigned acc = 0, bc = 0;
    while (p < end && ((bc = byte_class[*p]) & (C_LETTER | C_DIGIT))) {
        acc |= bc;
        *o++ = (char)(*p++ | 0x20);
    }
    *w = o;
    *lower |= (acc & C_LOWER) != 0;
    *stop = p < end ? bc : 0;
    return p;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* Bit 7 set in the bytes of l (eight bytes of text with bit 0x20 set in
 * each) that are ASCII letters, up to the first that is not (as in
 * fold_alnum(), a sum carries into the next byte only from a byte >= 0x80). */
static inline uint64_t letter_bits(uint64_t l)
{
    const uint64_t ones = 0x0101010101010101u;
    return (l + 0x1F * ones) & ~(l + 0x05 * ones) & 0x80 * ones;
}
#endif

/* The common word, read whole at once: up to fifteen ASCII letters from
 * s[st] (one of them, with at least 16 bytes of text from st on), before
 * a byte that cannot go on with a word (no digit, hyphen, apostrophe or
 * byte >= 0x80). When s[st..] starts one, writes its fold at o with 9
 * zero bytes or more after it (its NUL and those fold_hash() reads), adds
 * TF_CAP and TF_ALLCAPS to *flags as read_word() would, sets *h to the
 * fold's fold_hash() and returns its length; else returns 0, having
 * written nothing. */
static inline size_t short_word(const char *s, size_t st, char *o, unsigned *flags, unsigned *h)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101u, high = 0x80 * ones;
    /* the first eight bytes, then the next eight when all are letters */
    uint64_t x = load8(s + st), l = x | 0x20 * ones, letters = letter_bits(l);
    uint64_t x2 = 0, l2 = 0, letters2 = 0, out = letters ^ high; /* bit 7 of the bytes that end the word */
    size_t n = 0;
    if (!out) {
        x2 = load8(s + st + 8);
        l2 = x2 | 0x20 * ones;
        letters2 = letter_bits(l2);
        out = letters2 ^ high;
        if (!out)
            return 0;
        n = 8;
    }
    uint64_t bytes = ((out & -out) >> 7) - 1; /* the word's bytes among the last eight read */
    n += (size_t)__builtin_ctzll(out) / 8; /* >= 1: s[st] is a letter */
    if (byte_class[(unsigned char)s[st + n]] & (C_MORE | C_DIGIT))
        return 0;
    uint64_t zero = 0, hash = HASH_SEED ^ n, lower;
    if (n < 8) {
        uint64_t fold = l & bytes;
        memcpy(o, &fold, 8);
        memcpy(o + 8, &zero, 8);
        letters &= bytes;
        lower = letters & (x << 2); /* bit 0x20 set: a..z */
        if (!lower && (letters & (letters - 1))) /* two capitals and no lower case */
            *flags |= TF_ALLCAPS;
        *h = hash_last(hash, fold);
    } else {
        uint64_t fold2 = l2 & bytes;
        memcpy(o, &l, 8);
        memcpy(o + 8, &fold2, 8);
        memcpy(o + 16, &zero, 8);
        lower = (letters & (x << 2)) | (letters2 & bytes & (x2 << 2));
        if (!lower)
            *flags |= TF_ALLCAPS;
        hash = (hash ^ l) * 0xFF51AFD7ED558CCDu; /* fold_hash()'s whole word */
        *h = hash_last(hash ^ (hash >> 32), fold2);
    }
    *flags |= (x & 0x20) ? 0 : TF_CAP; /* s[st] is a letter: upper case without bit 0x20 */
    return n;
#else
    (void)s, (void)st, (void)o, (void)flags, (void)h;
    return 0;
#endif
}

/* Double the slots of d->words (their hashes are kept: no key is read),
 * in place when d->word_slots has room. */
static int rehash_words(struct doc *d)
{
    size_t slots = 2 * (d->word_mask + 1);
    uint32_t *x = d->word_slots;
    if (slots > d->slots_cap) {
        if (!(x = malloc(slots * sizeof *x)))
            return -1;
        free(d->word_slots);
        d->word_slots = x;
        d->slots_cap = slots;
    }
    memset(x, 0, slots * sizeof *x);
    for (size_t id = 0; id < d->n_words; id++) {
        size_t i = d->words[id].hash & (slots - 1);
        while (x[i])
            i = (i + 1) & (slots - 1);
        x[i] = (uint32_t)id + 1;
    }
    d->word_mask = slots - 1;
    return 0;
}

/* The id in d->words of the fold just written at w = d->fold + foff
 * (flen bytes, fold_hash() h), added when it is new: one probe per word
 * token. -1 on allocation failure. */
static long intern_word(struct doc *d, const char *w, size_t foff, size_t flen, unsigned h)
{
    const char *fold = w - foff;
    const uint32_t *slots = d->word_slots;
    const struct doc_word *words = d->words;
    size_t mask = d->word_mask, i = h & mask;
    for (;; i = (i + 1) & mask) {
        uint32_t x = slots[i];
        if (!x)
            break;
        const struct doc_word *e = &words[x - 1];
        if (e->hash == h && e->flen == flen && same_fold(fold + e->foff, w, flen))
            return x - 1;
    }
    if (d->n_words >= d->words_cap && grow((void **)&d->words, &d->words_cap, d->n_words, sizeof *d->words))
        return -1;
    d->words[d->n_words] = (struct doc_word){(uint32_t)foff, (uint32_t)flen, h};
    d->word_slots[i] = (uint32_t)++d->n_words;
    /* at most half full */
    if (2 * d->n_words > mask && rehash_words(d))
        return -1;
    return (long)d->n_words - 1;
}

/* Abbreviations after which a full stop does not end a sentence. */
static bool is_abbreviation(const struct doc *d, const struct token *w)
{
    static const char abbr[][5] = {"m", "mm", "mr", "mrs", "ms", "dr", "pr", "st", "sr", "jr",
                                   "mme", "mlle", "me", "mgr", "gen", "gov", "sen", "rep",
                                   "lt", "col", "capt", "sgt", "prof", "no", "vs", "cf",
                                   "av", "bd", "corp", "co", "jan", "feb", "aug",
                                   "sept", "oct", "nov", "dec", "p", "vol", "art"};
    size_t n = w->end - w->start;
    const char *s = d->text + w->start;
    if (w->kind != TOK_WORD)
        return false;
    if ((w->flags & TF_CAP) && n <= 2 && utf8_len(w->cp) == n) /* an initial: "T." */
        return true;
    if (n > 4) /* the longest abbreviation has four letters */
        return false;
    /* an abbreviation is ASCII, and the fold of ASCII is its lower case */
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)s[k] >= 0x80)
            return false;
    const char *f = d->fold + w->foff;
    for (size_t i = 0; i < sizeof abbr / sizeof abbr[0]; i++)
        if (abbr[i][0] == f[0] && abbr[i][n] == '\0' && memcmp(abbr[i], f, n) == 0)
            return true;
    return false;
}

static bool is_opening_mark(uint32_t c)
{
    return c == 0xAB || c == 0x201C || c == '"' || c == 0x2018 || c == '(' || c == '[' ||
           c == 0x2014 || c == 0x2013 || c == '-';
}

static bool is_closing_mark(uint32_t c)
{
    return c == 0xBB || c == 0x201D || c == '"' || c == 0x2019 || c == ')' || c == '\'';
}

/* True when s[st..end) (a word) holds at least two letters. */
static bool two_letters(const char *s, size_t st, size_t end)
{
    int letters = 0;
    for (size_t k = st; k < end && letters < 2;)
        letters += cp_is_letter(utf8_next(s, end, &k));
    return letters >= 2;
}

/* Where the sentences stand while the tokens are read: a sentence ends
 * after a terminator (. ! ? …) and any closing marks after it, before an
 * upper-case word, a number or an opening mark, and at a line break. */
struct sentencer {
    size_t start;   /* byte where the current sentence starts */
    size_t term;    /* the terminator that only closing marks follow, or SIZE_MAX */
};

static int push_sentence(struct doc *d, struct sentencer *sn, size_t end)
{
    if (d->n_sentences >= d->sentences_cap &&
        grow((void **)&d->sentences, &d->sentences_cap, d->n_sentences, sizeof *d->sentences))
        return -1;
    d->sentences[d->n_sentences++] = (struct span){sn->start, end};
    return 0;
}

/* Token k has just been read: end the sentence before it if it starts one
 * (and mark it TF_SENT_START). */
static int sentence_step(struct doc *d, struct sentencer *sn, size_t k)
{
    struct token *t = &d->tokens[k];
    bool starts = k == 0 || (t->flags & TF_LINE_BEFORE);
    if (!starts && (t->flags & TF_SPACE_BEFORE) && sn->term != SIZE_MAX) {
        const struct token *e = &d->tokens[sn->term];
        bool next_ok = (t->kind == TOK_WORD && (t->flags & TF_CAP)) || t->kind == TOK_NUMBER ||
                       (t->kind == TOK_PUNCT && is_opening_mark(t->cp));
        starts = next_ok && !(e->cp == '.' && sn->term > 0 && is_abbreviation(d, e - 1));
    }
    if (t->kind != TOK_PUNCT)
        sn->term = SIZE_MAX;
    else if (t->cp == '.' || t->cp == '!' || t->cp == '?' || t->cp == 0x2026)
        sn->term = k;
    else if (k == 0 || !is_closing_mark(t->cp))
        sn->term = SIZE_MAX;
    if (!starts)
        return 0;
    if (k > 0 && push_sentence(d, sn, d->tokens[k - 1].end))
        return -1;
    sn->start = t->start;
    t->flags |= TF_SENT_START;
    return 0;
}

/* Read the word whose first code point c (a letter, of byte_class cl when
 * ASCII) is s[st..i): fold it
 * to *o (moved past the fold) and add TF_CAP, TF_ALLCAPS and TF_HYPHEN to
 * *flags as they apply. Returns where the word ends. */
static size_t read_word(const char *s, size_t n, size_t st, size_t i, uint32_t c, unsigned cl, char **o,
                        unsigned *flags)
{
    const unsigned char *p = (const unsigned char *)s + st, *end = (const unsigned char *)s + n;
    char *w = *o;
    bool lower; /* a lower-case letter seen: no TF_ALLCAPS */
    if (c < 0x80) {
        *flags |= cl & C_UPPER ? TF_CAP : 0;
        lower = (cl & C_LOWER) != 0; /* the loop below folds it */
    } else {
        bool up = cp_is_upper_wide(c);
        *flags |= up ? TF_CAP : 0;
        lower = !up;
        w = fold_cp(c, w);
        p = (const unsigned char *)s + i;
    }
    for (;;) {
        /* ASCII letters and digits, the bulk of most words */
        unsigned stop;
        p = fold_alnum(p, end, &w, &lower, &stop);
        /* after them only a hyphen, an apostrophe or a code point past
         * ASCII goes on */
        if (!(stop & C_MORE))
            break;
        /* U+00C0..U+00FF, the accented letters of French: read inline */
        if (p[0] == 0xC3 && p + 1 < end && (p[1] & 0xC0) == 0x80) {
            uint32_t c2 = 0xC0 + (p[1] & 0x3Fu);
            if (c2 == 0xD7 || c2 == 0xF7) /* × ÷ */
                break;
            lower |= c2 > 0xDE;
            w += cp_fold(c2, w);
            p += 2;
            continue;
        }
        size_t k = (size_t)(p - (const unsigned char *)s);
        uint32_t c2 = utf8_next(s, n, &k);
        if (cp_is_letter(c2) || (c2 >= 0x300 && c2 <= 0x36F) || cp_is_digit(c2)) {
            lower |= cp_is_letter(c2) && !cp_is_upper(c2);
            w = fold_cp(c2, w); /* not ASCII: those were read above */
            p = (const unsigned char *)s + k;
            continue;
        }
        bool hyphen = is_hyphen(c2);
        if (hyphen || is_apostrophe(c2)) {
            size_t k2 = k;
            if (k2 < n && cp_is_letter(utf8_next(s, n, &k2))) {
                if (!hyphen && is_elision(s + st, (size_t)(p - (const unsigned char *)s) - st))
                    break;
                *flags |= hyphen ? TF_HYPHEN : 0;
                if (c2 < 0x80)
                    *w++ = (char)c2;
                else
                    w = fold_cp(c2, w);
                p = (const unsigned char *)s + k;
                continue;
            }
        }
        break;
    }
    size_t e = (size_t)(p - (const unsigned char *)s);
    if (!lower && two_letters(s, st, e))
        *flags |= TF_ALLCAPS;
    *o = w;
    return e;
}

/* Read the number starting with the digit at s[i]: digits, with "," or
 * "." between two of them. Folds it to *o (moved past it); returns where
 * it ends. */
static size_t read_number(const char *s, size_t n, size_t i, char **o)
{
    char *w = *o;
    while (i < n) {
        if (byte_class[(unsigned char)s[i]] & C_DIGIT) {
            *w++ = s[i++];
            continue;
        }
        if ((s[i] == ',' || s[i] == '.') && i + 1 < n && cp_is_digit((unsigned char)s[i + 1])) {
            *w++ = s[i++];
            continue;
        }
        break;
    }
    *o = w;
    return i;
}

/* The arrays doc_tokenize() fills, in their spare_arrays slots (doc.h). */
enum { SP_TOKENS, SP_FOLD, SP_WORDS, SP_SLOTS, SP_SENTENCES };

/* Move the spare arrays into d (empty ones when there are none) and size
 * them for a text of n bytes; 0, or -1 on allocation failure. */
static int take_arrays(struct doc *d, size_t n)
{
    struct spare_arrays sa;
    spare_take(SPARE_TOKENS, &sa);
    d->tokens = sa.p[SP_TOKENS];
    d->fold = sa.p[SP_FOLD];
    d->words = sa.p[SP_WORDS];
    d->word_slots = sa.p[SP_SLOTS];
    d->sentences = sa.p[SP_SENTENCES];
    d->tokens_cap = sa.cap[SP_TOKENS];
    d->fold_cap = sa.cap[SP_FOLD];
    d->words_cap = sa.cap[SP_WORDS];
    d->slots_cap = sa.cap[SP_SLOTS];
    d->sentences_cap = sa.cap[SP_SENTENCES];
    d->n_tokens = d->n_words = d->n_sentences = 0;
    /* a fold is never longer than the text it folds: the text's length, a
     * NUL per token (at most one per byte) and the 8 bytes written after
     * the last fold (see fold_hash() and fold_alnum()) */
    size_t fold_need = 2 * n + 16;
    if (d->fold_cap < fold_need) {
        free(d->fold);
        d->fold_cap = 0;
        if (!(d->fold = malloc(fold_need)))
            return -1;
        d->fold_cap = fold_need;
    }
    /* the distinct words: about one per six bytes of a short text, far
     * fewer in a long one; the slots start at least half empty for an
     * article and double as needed (each document clears those it uses) */
    size_t slots = 64;
    while (slots < n / 4 && slots < 4096)
        slots *= 2;
    if (d->slots_cap < slots) {
        free(d->word_slots);
        d->slots_cap = 0;
        if (!(d->word_slots = malloc(slots * sizeof *d->word_slots)))
            return -1;
        d->slots_cap = slots;
    }
    memset(d->word_slots, 0, slots * sizeof *d->word_slots);
    d->word_mask = slots - 1;
    /* about one token per five bytes of text: one allocation, seldom two */
    if (grow((void **)&d->tokens, &d->tokens_cap, n / 5 + 16, sizeof *d->tokens) ||
        grow((void **)&d->words, &d->words_cap, slots / 2 - 1, sizeof *d->words) ||
        grow((void **)&d->sentences, &d->sentences_cap, n / 128 + 16, sizeof *d->sentences)) /* ~100 bytes each */
        return -1;
    return 0;
}

int doc_tokenize(struct doc *d)
{
    size_t i = 0, n = d->len;
    const char *s = d->text;
    /* the flags of the next token, gathered from the spaces before it */
    unsigned pending = TF_SPACE_BEFORE | TF_PARA_START;
    struct sentencer sn = {0, SIZE_MAX};
    /* whether the next token may change where the sentences stand: the
     * first one, one after a terminator (sn.term set) or a line break */
    bool sentence_check = true;

    if (take_arrays(d, n))
        return -1;
    /* the next token and fold go to t and o; the state of the loop stays
     * in locals, which the stores to the folds cannot alias */
    struct token *t = d->tokens, *t_end = t + d->tokens_cap;
    char *const fold = d->fold;
    char *o = fold;
    while (i < n) {
        size_t st = i;
        unsigned char b = (unsigned char)s[i];
        unsigned cl = byte_class[b];
        uint32_t c = b;
        if (cl & C_SPACE) {
            pending |= TF_SPACE_BEFORE;
            i++;
            if (b == '\n') {
                pending |= TF_LINE_BEFORE;
                sentence_check = true;
                size_t k = i;
                while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
                    k++;
                if (k < n && s[k] == '\n')
                    pending |= TF_PARA_START;
            }
            continue;
        }
        if (b >= 0x80) {
            c = utf8_next_multi(s, n, &i);
            if (cp_is_space_wide(c)) {
                pending |= TF_SPACE_BEFORE;
                continue;
            }
        } else {
            i++;
        }
        unsigned kind = TOK_PUNCT, flags = pending;
        pending = 0;
        /* the fold is written as the token is read */
        char *fo = o;
        unsigned h = 0; /* a word's fold_hash() */
        size_t len;
        if ((cl & C_LETTER) && n - st >= 16 && (len = short_word(s, st, o, &flags, &h)) > 0) {
            kind = TOK_WORD;
            i = st + len;
            o += len;
        } else {
            if ((cl & C_LETTER) || (b >= 0x80 && cp_is_letter_wide(c))) {
                kind = TOK_WORD;
                i = read_word(s, n, st, i, c, cl, &o, &flags);
            } else if (cl & C_DIGIT) {
                kind = TOK_NUMBER;
                i = read_number(s, n, st, &o);
            } else if (b < 0x80) {
                *o++ = (char)b; /* not a letter: its own fold */
            } else {
                o = fold_cp(c, o);
            }
            /* the NUL, and zeros up to 8 bytes after it (see fold_hash()) */
            memset(o, 0, 8);
            if (kind == TOK_WORD)
                h = fold_hash(fo, (size_t)(o - fo));
        }
        size_t flen = (size_t)(o - fo), foff = (size_t)(fo - fold);
        long word = 0;
        if (kind == TOK_WORD && (word = intern_word(d, fo, foff, flen, h)) < 0)
            return -1;
        if (t == t_end) {
            size_t k = (size_t)(t - d->tokens);
            if (grow((void **)&d->tokens, &d->tokens_cap, k, sizeof *d->tokens))
                return -1;
            t = d->tokens + k;
            t_end = d->tokens + d->tokens_cap;
        }
        t->start = (uint32_t)st;
        t->end = (uint32_t)i;
        t->cp = c;
        t->kind = (uint16_t)kind;
        t->flags = (uint16_t)flags;
        t->foff = (uint32_t)foff;
        t->flen = (uint32_t)flen;
        t->word = (uint32_t)word;
        t++;
        o++; /* past the NUL */
        /* a mark can end a sentence too */
        if (sentence_check || kind == TOK_PUNCT) {
            if (sentence_step(d, &sn, (size_t)(t - d->tokens) - 1))
                return -1;
            sentence_check = sn.term != SIZE_MAX;
        }
        /* one space after the token, the most common gap */
        if (i < n && s[i] == ' ') {
            pending = TF_SPACE_BEFORE;
            i++;
        }
    }
    d->n_tokens = (size_t)(t - d->tokens);
    if (d->n_tokens && push_sentence(d, &sn, d->tokens[d->n_tokens - 1].end))
        return -1;
    return 0;
}

void doc_free_tokens(struct doc *d)
{
    struct spare_arrays sa = {
        .p = {[SP_TOKENS] = d->tokens, [SP_FOLD] = d->fold, [SP_WORDS] = d->words, [SP_SLOTS] = d->word_slots,
              [SP_SENTENCES] = d->sentences},
        .cap = {[SP_TOKENS] = d->tokens_cap, [SP_FOLD] = d->fold_cap, [SP_WORDS] = d->words_cap,
                [SP_SLOTS] = d->slots_cap, [SP_SENTENCES] = d->sentences_cap},
    };
    spare_keep(SPARE_TOKENS, &sa,
               d->tokens_cap * sizeof *d->tokens + d->fold_cap + d->words_cap * sizeof *d->words +
                   d->slots_cap * sizeof *d->word_slots + d->sentences_cap * sizeof *d->sentences);
    d->tokens = NULL;
    d->fold = NULL;
    d->words = NULL;
    d->word_slots = NULL;
    d->sentences = NULL;
    d->n_tokens = d->n_words = d->n_sentences = d->word_mask = 0;
    d->tokens_cap = d->fold_cap = d->words_cap = d->slots_cap = d->sentences_cap = 0;
}

size_t doc_sentence_at(const struct doc *d, size_t off)
{
    size_t lo = 0, hi = d->n_sentences;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->sentences[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? lo - 1 : 0;
}

size_t doc_token_at(const struct doc *d, size_t off)
{
    size_t lo = 0, hi = d->n_tokens;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->tokens[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool tok_is(const struct doc *d, const struct token *t, const char *word)
{
    size_t n = t->end - t->start;
    return strlen(word) == n && strncasecmp(d->text + t->start, word, n) == 0;
}

size_t tok_fold(const struct doc *d, const struct token *t, char *buf, size_t cap)
{
    /* a fold that fits is the same whole or cut */
    if (d->fold && t->flen < cap) {
        memcpy(buf, d->fold + t->foff, t->flen + 1);
        return t->flen;
    }
    return utf8_fold_into(d->text + t->start, t->end - t->start, buf, cap);
}
