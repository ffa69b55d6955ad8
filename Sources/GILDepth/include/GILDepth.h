#ifndef PYBINDGEN_GIL_DEPTH_H
#define PYBINDGEN_GIL_DEPTH_H

/// How many `Python.withGIL` scopes the current thread is inside. Non-zero means this thread holds the GIL,
/// so nested calls skip `PyGILState_Ensure`. Thread-local; defined in GILDepth.c.
extern _Thread_local long pybindgen_gil_depth;

/// The current thread's depth (inlined into Swift callers: one thread-local load).
static inline long pybindgen_gil_depth_get(void) { return pybindgen_gil_depth; }

/// Enters a scope that holds the GIL.
static inline void pybindgen_gil_depth_enter(void) { pybindgen_gil_depth += 1; }

/// Leaves a scope entered with `pybindgen_gil_depth_enter`.
static inline void pybindgen_gil_depth_leave(void) { pybindgen_gil_depth -= 1; }

/// Replaces the depth and returns the previous one (used while the GIL is released around blocking work).
static inline long pybindgen_gil_depth_exchange(long depth) {
    long previous = pybindgen_gil_depth;
    pybindgen_gil_depth = depth;
    return previous;
}

/// Whether this thread owns a persistent Python thread state (see ThreadStates.swift). Thread-local.
extern _Thread_local int pybindgen_thread_prepared;

static inline int pybindgen_thread_prepared_get(void) { return pybindgen_thread_prepared; }
static inline void pybindgen_thread_prepared_set(int prepared) { pybindgen_thread_prepared = prepared; }

#endif
