// The libraries behind `gotool mod edit` and `gotool mod init`.
#pragma once

#include <string>
#include <vector>

#include "modcache/modfile.h"

namespace gotool::modcache {

// CommandResult is what a command prints and its exit status.
struct CommandResult {
  int exit_code = 0;
  std::string out;  // stdout
  std::string err;  // stderr
};

// EditFlag is one flag of `mod edit` as given: name without dashes, and its value
// ("true"/"false" for the boolean -fmt, -print and -json).
struct EditFlag {
  std::string name;
  std::string value;
};

// EditRequest is a `mod edit` command line.
struct EditRequest {
  std::vector<EditFlag> flags;    // in command-line order
  std::vector<std::string> args;  // [go.mod]
  std::string cwd;                // absolute working directory
  std::string go_version;         // the language version gotool targets ("1.22")
};

// ModEdit runs `mod edit`: it checks every flag as the go command does, reads go.mod
// (the argument, else -modfile or the one found from cwd upwards), applies -module, -go and
// -toolchain, then the list edits in command-line order, and prints (-print, -json)
// or rewrites the file.
CommandResult ModEdit(const EditRequest& req);

// InitRequest is a `mod init` command line.
struct InitRequest {
  std::vector<std::string> args;  // [module-path]
  std::string cwd;                // absolute working directory: the new module root
  std::string gopath;             // $GOPATH list, to infer a path inside GOPATH/src
  std::string go_version;         // written on the go line ("1.22")
  std::string gomodcache;         // $GOMODCACHE, for the side lock ("" for none)
};

// ModInit runs `mod init`: it checks or infers the module path, then writes
// cwd/go.mod atomically with the module and go lines.
CommandResult ModInit(const InitRequest& req);

// EditJSON returns the `mod edit -json` form of f, as the go command prints it
// (json.MarshalIndent with a tab, then a newline).
std::string EditJSON(const modfile::File& f);

// ShortPath returns path relative to cwd when that is shorter (go's base.ShortPath).
std::string ShortPath(const std::string& cwd, const std::string& path);

// WriteFileAtomic replaces path with data through a temporary file beside it and a
// rename; on failure it returns an error message.
std::string WriteFileAtomic(const std::string& path, const std::string& data);

}  // namespace gotool::modcache
