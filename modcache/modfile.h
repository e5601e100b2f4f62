// go.mod files: the interpreted form (module, go, require, ...) over the syntax tree,
// and the edit operations of x/mod/modfile.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "modcache/modfile_syntax.h"
#include "modcache/module.h"

namespace gotool::modcache::modfile {

// Module is the module statement.
struct Module {
  module::Version mod;
  std::string deprecated;  // the text after "Deprecated:" in its comments
  std::shared_ptr<Line> syntax;
};

// Go is the go statement ("1.19").
struct Go {
  std::string version;
  std::shared_ptr<Line> syntax;
};

// Toolchain is the toolchain statement ("go1.21.0" or "default").
struct Toolchain {
  std::string name;
  std::shared_ptr<Line> syntax;
};

// Godebug is one godebug key=value setting.
struct Godebug {
  std::string key, value;
  std::shared_ptr<Line> syntax;
};

// Require is one requirement; indirect records a "// indirect" comment.
struct Require {
  module::Version mod;
  bool indirect = false;
  std::shared_ptr<Line> syntax;
};

// Exclude is one exclusion.
struct Exclude {
  module::Version mod;
  std::shared_ptr<Line> syntax;
};

// Replace is one replacement; an empty old version replaces every version.
struct Replace {
  module::Version old_mod, new_mod;
  std::shared_ptr<Line> syntax;
};

// VersionInterval is a closed interval of versions; a single version has low == high.
struct VersionInterval {
  std::string low, high;
  bool operator==(const VersionInterval&) const = default;
};

// Retract is one retraction with its rationale (the comments on it).
struct Retract {
  VersionInterval interval;
  std::string rationale;
  std::shared_ptr<Line> syntax;
};

// VersionFixer canonicalises a version found in go.mod (a branch name, a short
// form); it returns the fixed version or sets *error.
using VersionFixer = std::function<std::string(const std::string& path, const std::string& vers,
                                               std::string* error)>;

// File is a parsed go.mod file. Edits mark entries removed (an empty path); Cleanup
// drops them from both the lists and the syntax.
struct File {
  std::shared_ptr<Module> module;
  std::shared_ptr<Go> go;
  std::shared_ptr<Toolchain> toolchain;
  std::vector<std::shared_ptr<Godebug>> godebug;
  std::vector<std::shared_ptr<Require>> require;
  std::vector<std::shared_ptr<Exclude>> exclude;
  std::vector<std::shared_ptr<Replace>> replace;
  std::vector<std::shared_ptr<Retract>> retract;
  std::unique_ptr<FileSyntax> syntax = std::make_unique<FileSyntax>();

  // Format prints the file in standard layout.
  std::string Format() const { return modfile::Format(*syntax); }

  // AddModuleStmt sets the module path, adding the statement if needed.
  void AddModuleStmt(std::string_view path);
  // AddGoStmt sets the go version (after the module line when added); it returns an
  // error message for a malformed version.
  std::string AddGoStmt(std::string_view version);
  // DropGoStmt removes the go statement.
  void DropGoStmt();
  // AddToolchainStmt sets the toolchain (after the go line when added).
  std::string AddToolchainStmt(std::string_view name);
  // DropToolchainStmt removes the toolchain statement.
  void DropToolchainStmt();
  // AddGodebug sets key=value, replacing earlier settings of key.
  void AddGodebug(std::string_view key, std::string_view value);
  // DropGodebug removes the settings of key.
  void DropGodebug(std::string_view key);
  // AddComment appends a comment block.
  void AddComment(std::string_view text);

  // AddRequire sets the first requirement on path to vers and drops the others,
  // or adds a new one at the end of the last require block.
  void AddRequire(std::string_view path, std::string_view vers);
  // AddNewRequire adds a requirement at the end of the last require block.
  void AddNewRequire(std::string_view path, std::string_view vers, bool indirect);
  // SetRequire makes the requirements exactly req, keeping the first line and its
  // comments for each path; new ones go to the last require block.
  void SetRequire(const std::vector<Require>& req);
  // SetRequireSeparateIndirect is SetRequire keeping direct and indirect
  // requirements in separate blocks (go 1.17 and later).
  void SetRequireSeparateIndirect(const std::vector<Require>& req);
  // DropRequire removes every requirement on path.
  void DropRequire(std::string_view path);

  // AddExclude adds an exclusion (kept beside others for the path); it returns an
  // error message when vers is not canonical.
  std::string AddExclude(std::string_view path, std::string_view vers);
  // DropExclude removes the exclusion of path@vers.
  void DropExclude(std::string_view path, std::string_view vers);
  // AddReplace sets the replacement of old_path[@old_vers].
  void AddReplace(std::string_view old_path, std::string_view old_vers, std::string_view new_path,
                  std::string_view new_vers);
  // DropReplace removes the replacement of old_path@old_vers.
  void DropReplace(std::string_view old_path, std::string_view old_vers);
  // AddRetract adds a retraction with a rationale comment.
  std::string AddRetract(const VersionInterval& vi, std::string_view rationale);
  // DropRetract removes the retractions of exactly vi.
  void DropRetract(const VersionInterval& vi);

  // SortBlocks removes duplicate excludes and replaces, then sorts the lines inside
  // each block (retract blocks by descending interval).
  void SortBlocks();
  // Cleanup drops removed entries and lines, empty blocks and one-line blocks.
  void Cleanup();
};

// Parse parses a main module's go.mod. Versions must be canonical unless fix is given.
std::unique_ptr<File> Parse(std::string_view filename, std::string_view data,
                            const VersionFixer& fix, std::vector<Error>* errs);

// ParseLax parses a dependency's go.mod, ignoring unknown and main-module-only
// statements.
std::unique_ptr<File> ParseLax(std::string_view filename, std::string_view data,
                               const VersionFixer& fix, std::vector<Error>* errs);

// IsGoVersion reports whether v is a valid go directive version ("1.19", "1.21.0",
// "1.21rc1").
bool IsGoVersion(std::string_view v);

// IsDirectoryPath reports whether a replacement path is a directory (./, ../, /, or
// a Windows form) rather than a module path.
bool IsDirectoryPath(std::string_view path);

// ModulePath returns the module path of a go.mod text, tolerating other errors; ""
// when there is none.
std::string ModulePath(std::string_view data);

}  // namespace gotool::modcache::modfile
