// h1: hashes with OpenSSL's SHA-256 and base64; zip entries read with libzip.
#include "modcache/dirhash.h"

#include <fmt/core.h>
#include <zip.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <unordered_map>

#include "modcache/sha256.h"
#include "pkg/base/atomic_file.h"

namespace gotool::modcache::dirhash {
namespace {

namespace fs = std::filesystem;

std::string Sha256(std::string_view data) {
  sha256::Digest d = sha256::Sum(data);
  return std::string(reinterpret_cast<const char*>(d.data()), d.size());
}

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::string Base64(std::string_view bytes) { return sha256::Base64(bytes); }

}  // namespace

std::string Hash1(std::vector<std::string> files, const OpenFunc& open, std::string* error) {
  std::sort(files.begin(), files.end());
  std::string summary;
  for (const std::string& file : files) {
    if (file.find('\n') != std::string::npos) {
      *error = "dirhash: filenames with newlines are not supported";
      return "";
    }
    std::string data;
    if (std::string err = open(file, &data); !err.empty()) {
      *error = err;
      return "";
    }
    summary += Hex(Sha256(data)) + "  " + file + "\n";
  }
  return "h1:" + Base64(Sha256(summary));
}

std::vector<std::string> DirFiles(const std::string& dir, const std::string& prefix,
                                  std::string* error) {
  std::vector<std::string> files;
  fs::path root = fs::path(dir).lexically_normal();
  std::error_code ec;
  for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) continue;
    std::string rel = it->path().lexically_relative(root).string();
    files.push_back((fs::path(prefix) / rel).lexically_normal().string());
  }
  if (ec) *error = fmt::format("lstat {}: {}", dir, ec.message());
  return files;
}

std::string HashDir(const std::string& dir, const std::string& prefix, std::string* error) {
  std::vector<std::string> files = DirFiles(dir, prefix, error);
  if (!error->empty()) return "";
  std::string pre = prefix.empty() ? "" : prefix + "/";
  return Hash1(
      files,
      [&](const std::string& name, std::string* data) -> std::string {
        std::string rel = name.starts_with(pre) ? name.substr(pre.size()) : name;
        std::ifstream in(fs::path(dir) / rel, std::ios::binary);
        if (!in) return fmt::format("open {}: cannot read", (fs::path(dir) / rel).string());
        std::ostringstream ss;
        ss << in.rdbuf();
        *data = ss.str();
        return "";
      },
      error);
}

std::string HashZip(const std::string& zipfile, std::string* error) {
  int zerr = 0;
  std::unique_ptr<zip_t, decltype(&zip_discard)> z(zip_open(zipfile.c_str(), ZIP_RDONLY, &zerr),
                                                   zip_discard);
  if (!z) {
    // As Go's zip.OpenReader words it: a file that cannot be opened, or is no zip.
    if (zerr == ZIP_ER_OPEN || zerr == ZIP_ER_NOENT || zerr == ZIP_ER_READ)
      *error = fmt::format("open {}: {}", zipfile, base::ErrnoText(errno ? errno : ENOENT));
    else
      *error = "zip: not a valid zip file";
    return "";
  }
  return HashZipEntries(z.get(), error);
}

std::string HashZipEntries(zip_t* z, std::string* error) {
  zip_int64_t n = zip_get_num_entries(z, 0);
  std::vector<std::string> files;
  // Each name's first entry, as a look-up by name finds it.
  std::unordered_map<std::string, zip_uint64_t> index;
  for (zip_int64_t i = 0; i < n; ++i) {
    files.emplace_back(zip_get_name(z, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW));
    index.emplace(files.back(), static_cast<zip_uint64_t>(i));
  }
  return Hash1(
      files,
      [&](const std::string& name, std::string* data) -> std::string {
        zip_stat_t st;
        auto it = index.find(name);
        if (it == index.end() || zip_stat_index(z, it->second, ZIP_FL_ENC_RAW, &st) != 0)
          return fmt::format("file \"{}\" not found in zip", name);
        std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen_index(z, st.index, 0),
                                                             zip_fclose);
        if (!f) return fmt::format("open {} in zip: cannot read", name);
        data->resize(st.size);
        zip_int64_t got = zip_fread(f.get(), data->data(), st.size);
        if (got < 0 || static_cast<zip_uint64_t>(got) != st.size)
          return fmt::format("read {} in zip: short read", name);
        return "";
      },
      error);
}

std::string HashGoMod(const std::string& data) {
  std::string error;
  return Hash1(
      {"go.mod"},
      [&](const std::string&, std::string* out) {
        *out = data;
        return std::string();
      },
      &error);
}

}  // namespace gotool::modcache::dirhash
