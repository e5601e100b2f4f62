// The zip file format, as far as module zips need it (Go's archive/zip): a Reader of
// an archive held in memory (central directory, zip64, stored and deflated entries
// checked against their sizes and CRC-32) and a Writer of new archives.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "modcache/proxy.h"

namespace gotool::modcache::zip {

// kErrFormat, kErrChecksum and kErrAlgorithm are archive/zip's errors.
inline constexpr std::string_view kErrFormat = "zip: not a valid zip file";
inline constexpr std::string_view kErrChecksum = "zip: checksum error";
inline constexpr std::string_view kErrAlgorithm = "zip: unsupported compression algorithm";
// kErrUnexpectedEOF is io.ErrUnexpectedEOF: an entry shorter than declared.
inline constexpr std::string_view kErrUnexpectedEOF = "unexpected EOF";

// FileHeader describes one entry of the central directory.
struct FileHeader {
  std::string name;  // as stored (module zips use UTF-8 and '/')
  std::uint16_t flags = 0;
  std::uint16_t method = 0;  // 0 stored, 8 deflated
  std::uint32_t crc32 = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t uncompressed_size = 0;
  std::uint64_t header_offset = 0;  // of the local file header
};

// Reader reads an archive from a buffer that it owns. Open parses only the central
// directory; ReadFile decompresses one entry on demand.
class Reader {
 public:
  Reader() = default;

  // Open parses the end-of-central-directory record (zip64 too) and the central
  // directory of data; errors are kErrFormat, as archive/zip's NewReader words them.
  static Result<Reader> Open(std::string data);

  // files lists the entries in central-directory order.
  const std::vector<FileHeader>& files() const { return files_; }

  // ReadFile appends entry i's uncompressed bytes to *out, checking that they are
  // exactly uncompressed_size bytes (more: kErrFormat, fewer: kErrUnexpectedEOF) with
  // the declared CRC-32 (kErrChecksum); an unknown method is kErrAlgorithm, corrupt
  // deflate data "flate: corrupt input". Inflating stops one byte past the declared
  // size, so a zip bomb costs no more than its declaration.
  Status ReadFile(std::size_t i, std::string* out) const;

 private:
  Status Body(const FileHeader& f, std::string_view* body) const;

  std::string data_;
  std::vector<FileHeader> files_;
};

// Writer builds an archive in memory: entries deflated (or stored when deflating does
// not make them smaller), in the order added, with zip64 records when needed.
class Writer {
 public:
  // Add appends a file; a name ending in '/' makes a directory entry.
  void Add(const std::string& name, std::string_view content);
  // Finish appends the central directory and returns the archive.
  std::string Finish();

 private:
  std::string out_;
  std::vector<FileHeader> files_;
};

// Crc32 returns the CRC-32 (IEEE) of data.
std::uint32_t Crc32(std::string_view data);

}  // namespace gotool::modcache::zip
