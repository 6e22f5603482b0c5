// Zstandard from the system (Debian: libzstd-dev): the history compresses what it records with
// dictionaries it keeps (CadreHistory's RecordedBodies).
#include <zstd.h>
