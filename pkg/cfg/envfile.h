// Editing the go env file (`go env -w` / `-u`): the text update and its atomic write.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace gotool::cfg {

// UpdateEnvFileText returns data with the variables in add set and those in del removed,
// as `go env -w`/`-u` edit the file: earlier duplicates of a key are dropped, an existing
// line is updated in place, a new one is appended, and each run of NAME=VALUE lines
// (runs are separated by comments, blank or invalid lines) is sorted by name.
std::string UpdateEnvFileText(std::string_view data, const std::map<std::string, std::string>& add,
                              const std::set<std::string>& del);

// ReadFile reads path into *data; it returns "" or an error as Go's os.ReadFile words
// it ("open PATH: no such file or directory"). *not_exist is set when path is missing.
std::string ReadFile(const std::string& path, std::string* data, bool* not_exist);

// MkdirAll creates dir and its missing parents with mode 0777 minus the umask.
bool MkdirAll(const std::string& dir);

}  // namespace gotool::cfg
