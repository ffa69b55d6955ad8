#include "GILDepth.h"

_Thread_local long pybindgen_gil_depth = 0;
_Thread_local int pybindgen_thread_prepared = 0;
