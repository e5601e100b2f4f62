// Module zip files: the go command's checks on a downloaded zip (limits, file names,
// collisions) and safe extraction into the module cache (x/mod/zip's CheckZip, Unzip).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modcache/module.h"
#include "modcache/proxy.h"
#include "modcache/zipfile.h"

namespace gotool::modcache::zip {

// kMaxZipFile bounds a module zip and the total uncompressed size of its files.
inline constexpr std::int64_t kMaxZipFile = std::int64_t{500} << 20;
// kMaxGoMod bounds the go.mod file of a module zip.
inline constexpr std::int64_t kMaxGoMod = std::int64_t{16} << 20;
// kMaxLICENSE bounds the LICENSE file of a module zip.
inline constexpr std::int64_t kMaxLICENSE = std::int64_t{16} << 20;

// Archive is a module zip read into memory and opened once, so that the checks after a
// download, its hash and its extraction share one reading of the file and of its
// central directory, and, for zips up to kCacheLimit uncompressed, one inflating of
// each file. It is not safe for concurrent use.
class Archive {
 public:
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  // kCacheLimit bounds the total declared size of the files whose contents an Archive
  // keeps after their first reading.
  static constexpr std::uint64_t kCacheLimit = std::uint64_t{32} << 20;

  // Open reads zipfile (at most kMaxZipFile bytes) and opens it as a zip; errors read
  // as CheckZip's ("zip: not a valid zip file").
  static Result<std::shared_ptr<Archive>> Open(const std::string& zipfile);
  // FromData opens an archive already in memory, named file in messages.
  static Result<std::shared_ptr<Archive>> FromData(std::string file, std::string data);

  // files lists the entries in the zip's order.
  const std::vector<FileHeader>& files() const { return reader_.files(); }
  // Contents returns file i's uncompressed bytes, checked (size, CRC-32); the view
  // stays valid until the next call unless the archive caches contents. A file
  // declared larger than kMaxZipFile is an error, never read into memory.
  Result<std::string_view> Contents(std::size_t i);

  // file names the zip in messages; set_file renames it (after a rename on disk).
  const std::string& file() const { return file_; }
  void set_file(std::string file) { file_ = std::move(file); }

 private:
  Archive() = default;
  std::string file_;
  Reader reader_;
  bool cache_ = false;
  std::vector<std::optional<std::string>> cached_;
  std::string scratch_;
};

// CheckZip checks the zip file of module m as the go command does before using it:
// the zip and its uncompressed content within kMaxZipFile; every entry named
// "path@version/<clean valid file path>"; no case-insensitive collisions or
// file/directory clashes; go.mod only at the root and spelled so; go.mod and LICENSE
// within their limits. The error lists each bad file ("name: reason") in go's words.
Status CheckZip(const module::Version& m, const std::string& zipfile);

// CheckZipPrefix is the check the go command makes right after a download: every
// entry starts with "path@version/" ("zip for P@V has unexpected file NAME").
Status CheckZipPrefix(const module::Version& m, const std::string& zipfile);
Status CheckZipPrefix(const module::Version& m, const Archive& zip);

// Unzip checks zipfile (CheckZip) and extracts it into dir, which must be missing or
// empty: regular files only (no symlinks, whatever the zip says), nothing outside
// dir, and no file longer than its declared size. Errors read "unzip ZIP: reason".
Status Unzip(const std::string& dir, const module::Version& m, const std::string& zipfile);
Status Unzip(const std::string& dir, const module::Version& m, Archive& zip);

}  // namespace gotool::modcache::zip
