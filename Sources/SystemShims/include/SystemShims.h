// Small wrappers over POSIX and Linux calls that Swift's Glibc module hides (behind _GNU_SOURCE) or that
// exist only as raw system calls. Each returns -1 with errno set on failure, as the call it wraps does.
#ifndef SYSTEM_SHIMS_H
#define SYSTEM_SHIMS_H

#include <spawn.h>
#include <sys/types.h>

// pipe2(2) with O_CLOEXEC, and O_NONBLOCK on both ends when `nonblocking` is non-zero.
int shims_pipe_cloexec(int fds[2], int nonblocking);

// pidfd_open(2): a descriptor that polls readable once the process has exited; -1 (ENOSYS) on kernels before 5.3.
int shims_pidfd_open(pid_t pid);

// Closes every descriptor from `lowest` up in the spawned child (posix_spawn_file_actions_addclosefrom_np).
int shims_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

// The path of the shared object (or executable) that holds `address`, as dladdr(3) reports it; NULL if none.
const char *shims_shared_object_path(const void *address);

#endif
