#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers would then pull in a system ICU that clashes with the
   one Foundation bundles. Passline uses neither ICU nor libxml2's encoding handlers' ICU fields. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
