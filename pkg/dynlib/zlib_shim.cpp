// Stubs for the zlib functions gotool calls (raw inflate and deflate for module
// zips, crc32), resolved lazily (see dynlib.h).
#include <zlib.h>

#include "pkg/dynlib/dynlib.h"

GOTOOL_DYNLIB_STUB(Zlib, int, inflateInit2_,
                   (z_streamp strm, int window_bits, const char* version, int stream_size),
                   (strm, window_bits, version, stream_size))
GOTOOL_DYNLIB_STUB(Zlib, int, inflate, (z_streamp strm, int flush), (strm, flush))
GOTOOL_DYNLIB_STUB(Zlib, int, inflateReset, (z_streamp strm), (strm))
GOTOOL_DYNLIB_STUB(Zlib, int, inflateEnd, (z_streamp strm), (strm))
GOTOOL_DYNLIB_STUB(Zlib, int, deflateInit2_,
                   (z_streamp strm, int level, int method, int window_bits, int mem_level,
                    int strategy, const char* version, int stream_size),
                   (strm, level, method, window_bits, mem_level, strategy, version, stream_size))
GOTOOL_DYNLIB_STUB(Zlib, int, deflate, (z_streamp strm, int flush), (strm, flush))
GOTOOL_DYNLIB_STUB(Zlib, uLong, deflateBound, (z_streamp strm, uLong source_len),
                   (strm, source_len))
GOTOOL_DYNLIB_STUB(Zlib, int, deflateEnd, (z_streamp strm), (strm))
GOTOOL_DYNLIB_STUB(Zlib, uLong, crc32, (uLong crc, const Bytef* buf, uInt len), (crc, buf, len))
