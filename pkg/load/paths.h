// File-system and import-path helpers shared by the loader's files.
#pragma once

#include <string>
#include <string_view>

namespace gotool::load {

// IsDir and IsFile report whether path names a directory or a regular file (after
// symbolic links); errors count as no.
bool IsDir(const std::string& path);
bool IsFile(const std::string& path);

// Canonical resolves symbolic links where possible, so that GOROOT/src seen through
// a link compares equal to its target; path itself when it cannot be resolved.
std::string Canonical(const std::string& path);

// HasPathPrefix reports whether the "/"-separated path equals prefix or lies below
// it, as the go command's str.HasPathPrefix: an empty prefix, or one ending in "/",
// is a plain string prefix.
bool HasPathPrefix(std::string_view path, std::string_view prefix);

}  // namespace gotool::load
