// The shared build flags as command-line flags.
#include "cmd/gotool/buildflags.h"

namespace gotool::cli {

void AddBuildFlags(Command* cmd, cfg::BuildFlags* f) {
  cmd->Bool("a", &f->a, "force rebuilding of packages that are already up-to-date");
  cmd->Bool("n", &f->n, "print the commands but do not run them");
  cmd->Int("p", &f->p, "the number of programs that can be run in parallel");
  cmd->Bool("race", &f->race, "enable data race detection");
  cmd->Bool("msan", &f->msan, "enable interoperation with memory sanitizer");
  cmd->Bool("asan", &f->asan, "enable interoperation with address sanitizer");
  cmd->Bool("v", &f->v, "print the names of packages as they are compiled");
  cmd->Bool("work", &f->work, "print and keep the temporary work directory");
  cmd->Bool("x", &f->x, "print the commands");
  cmd->String("asmflags", &f->asmflags, "arguments for each assembler invocation");
  cmd->String("buildmode", &f->buildmode, "build mode to use");
  cmd->Bool("buildvcs", &f->buildvcs, "stamp binaries with version control information");
  cmd->String("compiler", &f->compiler, "name of compiler to use");
  cmd->String("gccgoflags", &f->gccgoflags, "arguments for each gccgo invocation");
  cmd->String("gcflags", &f->gcflags, "arguments for each compiler invocation");
  cmd->String("installsuffix", &f->installsuffix, "suffix for the package install directory");
  cmd->String("ldflags", &f->ldflags, "arguments for each linker invocation");
  cmd->Bool("linkshared", &f->linkshared, "link against shared libraries");
  cmd->String("mod", &f->mod, "module download mode: readonly, vendor, or mod");
  cmd->Bool("modcacherw", &f->modcacherw, "leave new module cache directories writable");
  cmd->String("modfile", &f->modfile, "read and write an alternate go.mod file");
  cmd->String("overlay", &f->overlay, "JSON file describing a file system overlay");
  cmd->String("pkgdir", &f->pkgdir, "install and load packages from this directory");
  cmd->String("tags", &f->tags, "comma-separated list of build tags");
  cmd->Bool("trimpath", &f->trimpath, "remove file system paths from the executable");
  cmd->String("toolexec", &f->toolexec, "program to invoke toolchain programs with");
}

}  // namespace gotool::cli
