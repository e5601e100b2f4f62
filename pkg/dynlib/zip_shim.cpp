// Stubs for the libzip functions gotool calls, resolved lazily (see dynlib.h).
#include <zip.h>

#include "pkg/dynlib/dynlib.h"

GOTOOL_DYNLIB_STUB(Zip, zip_t*, zip_open, (const char* path, int flags, int* error),
                   (path, flags, error))
GOTOOL_DYNLIB_STUB(Zip, zip_t*, zip_open_from_source,
                   (zip_source_t * src, int flags, zip_error_t* error), (src, flags, error))
GOTOOL_DYNLIB_STUB(Zip, int, zip_close, (zip_t * z), (z))
GOTOOL_DYNLIB_STUB(Zip, void, zip_discard, (zip_t * z), (z))
GOTOOL_DYNLIB_STUB(Zip, const char*, zip_strerror, (zip_t * z), (z))
GOTOOL_DYNLIB_STUB(Zip, zip_error_t*, zip_get_error, (zip_t * z), (z))
GOTOOL_DYNLIB_STUB(Zip, zip_int64_t, zip_get_num_entries, (zip_t * z, zip_flags_t flags),
                   (z, flags))
GOTOOL_DYNLIB_STUB(Zip, const char*, zip_get_name,
                   (zip_t * z, zip_uint64_t index, zip_flags_t flags), (z, index, flags))
GOTOOL_DYNLIB_STUB(Zip, zip_int64_t, zip_name_locate,
                   (zip_t * z, const char* name, zip_flags_t flags), (z, name, flags))
GOTOOL_DYNLIB_STUB(Zip, int, zip_stat,
                   (zip_t * z, const char* name, zip_flags_t flags, zip_stat_t* st),
                   (z, name, flags, st))
GOTOOL_DYNLIB_STUB(Zip, int, zip_stat_index,
                   (zip_t * z, zip_uint64_t index, zip_flags_t flags, zip_stat_t* st),
                   (z, index, flags, st))
GOTOOL_DYNLIB_STUB(Zip, zip_file_t*, zip_fopen_index,
                   (zip_t * z, zip_uint64_t index, zip_flags_t flags), (z, index, flags))
GOTOOL_DYNLIB_STUB(Zip, zip_int64_t, zip_fread, (zip_file_t * f, void* buf, zip_uint64_t n),
                   (f, buf, n))
GOTOOL_DYNLIB_STUB(Zip, int, zip_fclose, (zip_file_t * f), (f))
GOTOOL_DYNLIB_STUB(Zip, const char*, zip_file_strerror, (zip_file_t * f), (f))
GOTOOL_DYNLIB_STUB(Zip, zip_int64_t, zip_file_add,
                   (zip_t * z, const char* name, zip_source_t* src, zip_flags_t flags),
                   (z, name, src, flags))
GOTOOL_DYNLIB_STUB(Zip, int, zip_file_set_mtime,
                   (zip_t * z, zip_uint64_t index, time_t mtime, zip_flags_t flags),
                   (z, index, mtime, flags))
GOTOOL_DYNLIB_STUB(Zip, zip_source_t*, zip_source_buffer,
                   (zip_t * z, const void* data, zip_uint64_t len, int freep),
                   (z, data, len, freep))
GOTOOL_DYNLIB_STUB(Zip, zip_source_t*, zip_source_buffer_create,
                   (const void* data, zip_uint64_t len, int freep, zip_error_t* error),
                   (data, len, freep, error))
GOTOOL_DYNLIB_STUB(Zip, zip_source_t*, zip_source_zip,
                   (zip_t * z, zip_t* src, zip_uint64_t index, zip_flags_t flags,
                    zip_uint64_t start, zip_int64_t len),
                   (z, src, index, flags, start, len))
GOTOOL_DYNLIB_STUB(Zip, void, zip_source_free, (zip_source_t * src), (src))
GOTOOL_DYNLIB_STUB(Zip, void, zip_source_keep, (zip_source_t * src), (src))
GOTOOL_DYNLIB_STUB(Zip, int, zip_source_open, (zip_source_t * src), (src))
GOTOOL_DYNLIB_STUB(Zip, int, zip_source_close, (zip_source_t * src), (src))
GOTOOL_DYNLIB_STUB(Zip, zip_int64_t, zip_source_read,
                   (zip_source_t * src, void* buf, zip_uint64_t n), (src, buf, n))
GOTOOL_DYNLIB_STUB(Zip, void, zip_error_init, (zip_error_t * error), (error))
GOTOOL_DYNLIB_STUB(Zip, void, zip_error_fini, (zip_error_t * error), (error))
GOTOOL_DYNLIB_STUB(Zip, void, zip_error_set, (zip_error_t * error, int ze, int se), (error, ze, se))
GOTOOL_DYNLIB_STUB(Zip, const char*, zip_error_strerror, (zip_error_t * error), (error))
