// Atomic file replacement: write a temporary file beside the target, fsync it, rename
// it over the target, so that readers see either the old or the new content.
#pragma once

#include <string>
#include <string_view>

#include <sys/types.h>

namespace gotool::base {

// AtomicWriteOptions tune WriteFileAtomic.
struct AtomicWriteOptions {
  // perm is the permission of a file that does not exist yet (before the umask); an
  // existing file keeps its own permission bits and, where allowed, its owner.
  mode_t perm = 0666;
  // sync flushes the data to disk before the rename (fsync), so that a crash never
  // leaves an empty or partial file under the target name.
  bool sync = true;
};

// WriteFileAtomic replaces the file path with data: the data goes to a new file in the
// same directory (".<name>.tmp<random>"), which then is renamed over path. On any
// error the original file is left as it was and the temporary file is removed. A
// symbolic link is followed: its target is replaced, not the link. A device or a pipe
// (/dev/null, say) is written in place, since a rename would replace it. It returns "" or a
// Go-style message such as "open dir/.x.go.tmp123: permission denied".
std::string WriteFileAtomic(const std::string& path, std::string_view data,
                            const AtomicWriteOptions& options = {});

// ProcessUmask returns the process's file-creation mask. It is read once, while the
// program's static objects are initialised and before any thread runs, because
// reading it means setting it: umask(0) in one thread while another creates a file
// would give that file the wrong mode.
mode_t ProcessUmask();

// ErrnoText renders the errno value err as Go's syscall.Errno does: strerror's text
// with a lower-case first letter ("no such file or directory").
std::string ErrnoText(int err);

}  // namespace gotool::base
