/* extract_json.h — the extraction as the JSON object that `quoted extract`
 * prints and the API returns (SPEC section 2). */
#ifndef QUOTED_EXTRACT_JSON_H
#define QUOTED_EXTRACT_JSON_H

#include <jansson.h>

#include "extract.h"

/* New reference: {"lang", "quotes", "actors", "figures"}. Actor ids are the
 * 1-based positions in x->actors (the database replaces them with its own
 * ids). NULL on allocation failure. */
json_t *extraction_to_json(const struct extraction *x);

#endif
