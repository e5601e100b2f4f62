// Diagnostics as data: positioned messages and go/scanner's ErrorList.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "pkg/base/pos.h"

namespace gotool::base {

// Diagnostic is one message at a compact position, as front-end phases produce them.
struct Diagnostic {
  Pos pos;
  std::string msg;
};

// PositionedError is a diagnostic with its position resolved for printing (go/scanner's
// Error).
struct PositionedError {
  Position pos;
  std::string msg;

  // String formats the error as Go does: "file:line:col: msg", or just msg when the
  // position has neither a filename nor a line.
  std::string String() const;
};

// ErrorList collects positioned errors, sorts them in go/scanner's order and prints
// them one per line. The zero value is an empty list ready to use.
class ErrorList {
 public:
  // Add appends an error at pos.
  void Add(Position pos, std::string msg);
  // Add resolves d's position in fset (//line-adjusted) and appends it.
  void Add(const FileSet& fset, const Diagnostic& d);
  // Reset empties the list.
  void Reset() { errors_.clear(); }

  size_t size() const { return errors_.size(); }
  bool empty() const { return errors_.empty(); }
  const PositionedError& operator[](size_t i) const { return errors_[i]; }
  std::vector<PositionedError>::const_iterator begin() const { return errors_.begin(); }
  std::vector<PositionedError>::const_iterator end() const { return errors_.end(); }

  // Sort orders errors by filename, line, column, then message (stable for ties).
  void Sort();
  // RemoveMultiples sorts the list and keeps only the first error of each line.
  void RemoveMultiples();
  // Error summarises the list as go/scanner.ErrorList.Error: "no errors", the single
  // error, or "first (and N more errors)".
  std::string Error() const;
  // Print writes every error on its own line, as go/scanner.PrintError.
  void Print(std::FILE* out) const;
  // String returns what Print writes.
  std::string String() const;

 private:
  std::vector<PositionedError> errors_;
};

}  // namespace gotool::base
