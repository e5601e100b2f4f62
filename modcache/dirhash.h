// Directory and zip hashes in go.sum's "h1:" form (x/mod/sumdb/dirhash).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gotool::modcache::zip {
class Archive;
}

namespace gotool::modcache::dirhash {

// OpenFunc reads the content of a named file into *data, or returns an error message.
using OpenFunc = std::function<std::string(const std::string& name, std::string* data)>;

// Hash1 returns "h1:" + base64(SHA-256 of the summary), where the summary has one
// line "hex(SHA-256(content))  name\n" per file in sorted name order. It returns ""
// and sets *error for a name with a newline or a file that cannot be read.
std::string Hash1(std::vector<std::string> files, const OpenFunc& open, std::string* error);

// DirFiles lists the files below dir (symlinks included, not followed into
// directories) as prefix/relative-path names.
std::vector<std::string> DirFiles(const std::string& dir, const std::string& prefix,
                                  std::string* error);

// HashDir hashes the files below dir, named prefix/relative-path ("path@version/...").
std::string HashDir(const std::string& dir, const std::string& prefix, std::string* error);

// HashZip hashes the entries of a zip file by their stored names.
std::string HashZip(const std::string& zipfile, std::string* error);

// HashZipEntries hashes the entries of an open zip by their stored names; a name
// that occurs twice is hashed with its last entry's content, as dirhash.HashZip does.
std::string HashZipEntries(zip::Archive& z, std::string* error);

// HashGoMod returns the go.sum hash of a go.mod text: Hash1 of one file named "go.mod".
std::string HashGoMod(std::string_view data);

}  // namespace gotool::modcache::dirhash
