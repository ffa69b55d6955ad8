// Static inline wrappers for the CPython macros that Swift cannot import.
#ifndef SWIFT_PYBINDGEN_CPYTHON_SHIM_H
#define SWIFT_PYBINDGEN_CPYTHON_SHIM_H

// The C library headers come first, with the default feature macros, so that the structures they declare
// (fd_set, ...) are identical to the ones Foundation and Dispatch see; pyconfig.h would otherwise turn on
// _XOPEN_SOURCE and change their member names, and Clang refuses the two definitions.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <time.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/stat.h>
#include <wchar.h>
#include <limits.h>
#include <math.h>
#include <spawn.h>

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <frameobject.h>

static inline PyObject *pyshim_None(void) { return Py_None; }
static inline PyObject *pyshim_True(void) { return Py_True; }
static inline PyObject *pyshim_False(void) { return Py_False; }
static inline PyObject *pyshim_NotImplemented(void) { return Py_NotImplemented; }

static inline void pyshim_IncRef(PyObject *o) { Py_INCREF(o); }
static inline void pyshim_DecRef(PyObject *o) { Py_DECREF(o); }
static inline void pyshim_XDecRef(PyObject *o) { Py_XDECREF(o); }
static inline Py_ssize_t pyshim_RefCount(PyObject *o) { return Py_REFCNT(o); }

static inline PyTypeObject *pyshim_Type(PyObject *o) { return Py_TYPE(o); }
static inline int pyshim_IsNone(PyObject *o) { return o == Py_None; }

static inline int pyshim_LongCheck(PyObject *o) { return PyLong_Check(o); }
static inline int pyshim_LongCheckExact(PyObject *o) { return PyLong_CheckExact(o); }
static inline int pyshim_BoolCheck(PyObject *o) { return PyBool_Check(o); }
static inline int pyshim_FloatCheck(PyObject *o) { return PyFloat_Check(o); }
static inline int pyshim_FloatCheckExact(PyObject *o) { return PyFloat_CheckExact(o); }
static inline int pyshim_UnicodeCheck(PyObject *o) { return PyUnicode_Check(o); }
static inline int pyshim_BytesCheck(PyObject *o) { return PyBytes_Check(o); }
static inline int pyshim_ByteArrayCheck(PyObject *o) { return PyByteArray_Check(o); }
static inline int pyshim_SliceCheck(PyObject *o) { return PySlice_Check(o); }
static inline int pyshim_RangeCheck(PyObject *o) { return PyRange_Check(o); }
static inline int pyshim_ListCheck(PyObject *o) { return PyList_Check(o); }
static inline int pyshim_ListCheckExact(PyObject *o) { return PyList_CheckExact(o); }
static inline int pyshim_TupleCheck(PyObject *o) { return PyTuple_Check(o); }
static inline int pyshim_DictCheck(PyObject *o) { return PyDict_Check(o); }
static inline int pyshim_AnySetCheck(PyObject *o) { return PyAnySet_Check(o); }
static inline int pyshim_CallableCheck(PyObject *o) { return PyCallable_Check(o); }
static inline int pyshim_TypeCheck(PyObject *o) { return PyType_Check(o); }

static inline PyObject *pyshim_ListGetItem(PyObject *list, Py_ssize_t i) { return PyList_GET_ITEM(list, i); }
static inline void pyshim_ListSetItem(PyObject *list, Py_ssize_t i, PyObject *v) { PyList_SET_ITEM(list, i, v); }
static inline Py_ssize_t pyshim_ListSize(PyObject *list) { return PyList_GET_SIZE(list); }
static inline PyObject *pyshim_TupleGetItem(PyObject *t, Py_ssize_t i) { return PyTuple_GET_ITEM(t, i); }
static inline void pyshim_TupleSetItem(PyObject *t, Py_ssize_t i, PyObject *v) { PyTuple_SET_ITEM(t, i, v); }
static inline Py_ssize_t pyshim_TupleSize(PyObject *t) { return PyTuple_GET_SIZE(t); }

static inline PyObject *pyshim_Vectorcall(PyObject *callable, PyObject *const *args, size_t nargs, PyObject *kwnames) {
    return PyObject_Vectorcall(callable, args, nargs, kwnames);
}

// `self.name()` and `self.name(arg)`, the method looked up on self's type; the arguments are borrowed.
static inline PyObject *pyshim_CallMethod0(PyObject *self, PyObject *name) {
    return PyObject_VectorcallMethod(name, &self, 1 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}
static inline PyObject *pyshim_CallMethod1(PyObject *self, PyObject *name, PyObject *arg) {
    PyObject *args[2] = {self, arg};
    return PyObject_VectorcallMethod(name, args, 2 | PY_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

// Closes every descriptor from `from` up in the spawned child (glibc 2.34+, declared there only under
// _GNU_SOURCE, which this header must not turn on).
int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
// Ignores SIGPIPE process-wide (SIG_IGN is a macro Swift cannot import).
static inline void pyshim_IgnoreBrokenPipes(void) { signal(SIGPIPE, SIG_IGN); }

// Whether an object is a builtin function (`PyCFunction`), and an object's type as an object.
static inline int pyshim_CFunctionCheck(PyObject *o) { return PyCFunction_Check(o); }
static inline PyObject *pyshim_TypeObject(PyObject *o) { return (PyObject *)Py_TYPE(o); }

// PEP 3118 request flags: strides and format, read-only (what a typed reader needs).
static inline int pyshim_BufferRecordsReadOnly(void) { return PyBUF_RECORDS_RO; }

// Calls the method `name` of args[0] (looked up on its type, so overrides run) with args[1...]; a NULL name
// (it could not be interned) is reported as the MemoryError Python set.
static inline PyObject *pyshim_VectorcallMethod(PyObject *name, PyObject *const *args, size_t nargs, PyObject *kwnames) {
    if (name == NULL) { if (!PyErr_Occurred()) PyErr_NoMemory(); return NULL; }
    return PyObject_VectorcallMethod(name, args, nargs, kwnames);
}

static inline const char *pyshim_TypeName(PyObject *o) { return Py_TYPE(o)->tp_name; }

#endif
