// h1: hashes with our SHA-256 and base64; zip entries read with zip::Archive.
#include "modcache/dirhash.h"

#include <fmt/core.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <unordered_map>

#include "modcache/sha256.h"
#include "modcache/zip.h"
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
  struct stat st;
  if (::stat(zipfile.c_str(), &st) != 0) {  // as Go's zip.OpenReader words it
    *error = fmt::format("open {}: {}", zipfile, base::ErrnoText(errno));
    return "";
  }
  Result<std::shared_ptr<zip::Archive>> z = zip::Archive::Open(zipfile);
  if (!z.ok()) {
    *error = z.error().message;
    return "";
  }
  return HashZipEntries(*z.value(), error);
}

std::string HashZipEntries(zip::Archive& z, std::string* error) {
  std::vector<std::string> files;
  // Each name's last entry, as dirhash.HashZip's map from names to entries keeps it.
  std::unordered_map<std::string_view, std::size_t> index;
  files.reserve(z.files().size());
  for (std::size_t i = 0; i < z.files().size(); ++i) {
    files.push_back(z.files()[i].name);
    index[z.files()[i].name] = i;
  }
  return Hash1(
      std::move(files),
      [&](const std::string& name, std::string* data) -> std::string {
        auto it = index.find(name);
        if (it == index.end()) return fmt::format("file \"{}\" not found in zip", name);
        Result<std::string_view> content = z.Contents(it->second);
        if (!content.ok()) return content.error().message;
        data->assign(content.value());
        return "";
      },
      error);
}

std::string HashGoMod(std::string_view data) {
  // Hash1 of the one file "go.mod", without its file list and callback: the graph
  // loader hashes every go.mod it reads.
  static constexpr char kDigits[] = "0123456789abcdef";
  static constexpr std::string_view kName = "  go.mod\n";
  sha256::Digest file = sha256::Sum(data);
  char line[2 * sizeof file + kName.size()];
  for (std::size_t i = 0; i < file.size(); ++i) {
    line[2 * i] = kDigits[file[i] >> 4];
    line[2 * i + 1] = kDigits[file[i] & 15];
  }
  kName.copy(line + 2 * file.size(), kName.size());
  sha256::Digest sum = sha256::Sum(std::string_view(line, sizeof line));
  std::string h = "h1:";
  h.reserve(3 + (sum.size() + 2) / 3 * 4);
  sha256::AppendBase64(&h, std::string_view(reinterpret_cast<const char*>(sum.data()), sum.size()));
  return h;
}

}  // namespace gotool::modcache::dirhash
