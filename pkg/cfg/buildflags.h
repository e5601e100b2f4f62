// The build flags shared by build, run, test, vet and list (as in cmd/go's cfg package).
#pragma once

#include <string>

namespace gotool::cfg {

// BuildFlags holds the values of the shared build flags; the CLI binds them, and the
// loader, compiler and test runner read them.
struct BuildFlags {
  bool a = false;             // -a: rebuild everything
  bool n = false;             // -n: print commands, do not run them
  int p = 0;                  // -p: parallelism (0: the number of CPUs)
  bool race = false;          // -race
  bool msan = false;          // -msan
  bool asan = false;          // -asan
  bool v = false;             // -v: print package names as they are built
  bool work = false;          // -work: keep the temporary work directory
  bool x = false;             // -x: print commands as they run
  std::string asmflags;       // -asmflags
  std::string buildmode;      // -buildmode
  bool buildvcs = true;       // -buildvcs (go also accepts "auto")
  std::string compiler;       // -compiler
  std::string gccgoflags;     // -gccgoflags
  std::string gcflags;        // -gcflags
  std::string installsuffix;  // -installsuffix
  std::string ldflags;        // -ldflags
  bool linkshared = false;    // -linkshared
  std::string mod;            // -mod: readonly, vendor or mod
  bool modcacherw = false;    // -modcacherw
  std::string modfile;        // -modfile
  std::string overlay;        // -overlay
  std::string pkgdir;         // -pkgdir
  std::string tags;           // -tags: comma-separated build tags
  bool trimpath = false;      // -trimpath
  std::string toolexec;       // -toolexec
};

}  // namespace gotool::cfg
