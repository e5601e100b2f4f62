// txtar archives: the plain-text multi-file format of cmd/go's script tests.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gotool::base {

// TxtarFile is one file of an archive: its name and its full contents.
struct TxtarFile {
  std::string name;
  std::string data;
};

// Txtar is an archive: a free-form comment followed by files. In text form each file
// starts with a marker line "-- name --" and runs until the next marker.
struct Txtar {
  std::string comment;
  std::vector<TxtarFile> files;
};

// ParseTxtar parses an archive. It never fails: text before the first marker is the
// comment; a section that does not end in a newline (only possible for the last one)
// gets one.
Txtar ParseTxtar(std::string_view data);

// FormatTxtar renders an archive so that ParseTxtar returns it again, adding a final
// newline to the comment and to each file when missing.
std::string FormatTxtar(const Txtar& archive);

}  // namespace gotool::base
