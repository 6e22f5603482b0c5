/*
 * CLua: Lua 5.4 as a Swift module, plus the few pieces of cadre's Lua host that must be C.
 *
 * Lua reports errors with longjmp. A longjmp must never cross a Swift frame, so everything that can
 * raise a Lua error on behalf of the host lives here, in C:
 *   - the capped allocator (the memory limit),
 *   - the count hook (the instruction limit and the wall-clock deadline),
 *   - the message handler (traceback and location of an error),
 *   - the trampoline through which Lua calls Swift functions: Swift returns a status, C raises,
 *   - the small C functions of the sandbox (read-only tables, guarded rawset and setmetatable),
 *   - charged work (clua_charge): the table library rewritten with charged loops
 *     (table_library.h), and guards that charge Lua's other C functions (charged_functions.h).
 * Lua's C macros become static inline functions, which Swift can call.
 */
#ifndef CLUA_SHIM_H
#define CLUA_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <limits.h>

/* ------------------------------------------------------------------------------------------------
 * Lua's macros as functions
 * ---------------------------------------------------------------------------------------------- */

static inline const char *clua_release(void) { return LUA_RELEASE; }
static inline int clua_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline int clua_upvalueindex(int i) { return lua_upvalueindex(i); }
static inline void clua_pop(lua_State *L, int n) { lua_settop(L, -(n)-1); }
static inline void clua_newtable(lua_State *L) { lua_createtable(L, 0, 0); }
static inline const char *clua_tolstring(lua_State *L, int i, size_t *len) { return lua_tolstring(L, i, len); }
static inline lua_Integer clua_tointeger(lua_State *L, int i, int *isnum) { return lua_tointegerx(L, i, isnum); }
static inline lua_Number clua_tonumber(lua_State *L, int i, int *isnum) { return lua_tonumberx(L, i, isnum); }
static inline void clua_insert(lua_State *L, int idx) { lua_rotate(L, idx, 1); }
static inline void clua_remove(lua_State *L, int idx) { lua_rotate(L, idx, -1); lua_settop(L, -2); }
static inline void clua_replace(lua_State *L, int idx) { lua_copy(L, -1, idx); lua_settop(L, -2); }
static inline int clua_isnoneornil(lua_State *L, int idx) { return lua_type(L, idx) <= 0; }
static inline int clua_isinteger(lua_State *L, int idx) { return lua_isinteger(L, idx); }

/* ------------------------------------------------------------------------------------------------
 * The control block: one per state, reached through the allocator's user data.
 * ---------------------------------------------------------------------------------------------- */

enum {
  CLUA_LIMIT_NONE = 0,
  CLUA_LIMIT_MEMORY = 1,
  CLUA_LIMIT_INSTRUCTIONS = 2,
  CLUA_LIMIT_DEADLINE = 3
};

/* Calls the Swift function number `function` of the host. Returns the number of results it pushed,
   or -1 when it left an error object on the top of the stack for the trampoline to raise. It never
   raises itself. */
typedef int (*clua_dispatch_fn)(lua_State *L, void *host, lua_Integer function);
/* Releases a host object held by a userdata that Lua collected. */
typedef void (*clua_release_fn)(void *host, void *object);

typedef struct clua_control {
  /* memory */
  size_t used;                  /* bytes the state holds now */
  size_t peak;                  /* most bytes held since the last reset */
  size_t limit;                 /* bytes the state may hold while armed; 0: no cap */
  int headroom;                 /* > 0 while host code runs: the cap is lifted, checked on return */
  int alloc_pending;            /* an allocation was refused; confirmed unless Lua's retry succeeds */
  void *pending_ptr;
  size_t pending_osize, pending_nsize;
  /* instructions and time */
  int armed;                    /* limits apply (a call from the host is running) */
  int limit_hit;                /* CLUA_LIMIT_* first hit in this call: sticky until the call ends */
  int hook_interval;            /* instructions between two runs of the hook */
  int base_interval;            /* the hook's interval while the call holds little memory */
  int counts_instructions;      /* the call has an instruction budget (instructions_left counts) */
  long long instruction_limit;  /* for messages */
  long long instructions_left;  /* steps left: VM instructions, and work C code does (clua_charge) */
  long long charged_since_clock;/* steps charged since the clock was last read */
  size_t armed_used;            /* bytes the state held when the call started */
  size_t quiet;                 /* bytes the state holds at rest (once loaded), set by the host; 0: unknown */
  long long deadline_ns;        /* CLOCK_MONOTONIC nanoseconds; 0: none */
  long long deadline_span_ns;   /* for messages */
  /* what scripts read */
  int readings;                 /* the bits of watched fields read since the host last took them */
  /* errors */
  const void *host_error;       /* the error object the host raised last (identity only) */
  int error_line;               /* location of the last error seen by the message handler */
  char error_source[1024];
  int error_was_host;
  /* the Swift side */
  lua_State *L;                 /* the main thread, to locate a refused allocation */
  clua_dispatch_fn dispatch;
  clua_release_fn release;
  void *host;
} clua_control;

static inline clua_control *clua_control_of(lua_State *L) {
  void *ud = NULL;
  lua_getallocf(L, &ud);
  return (clua_control *)ud;
}

static inline long long clua_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* ------------------------------------------------------------------------------------------------
 * The capped allocator.
 *
 * When an allocation would pass the cap it is refused. Lua then runs an emergency collection and
 * asks again for the same block; if that retry succeeds, the refusal was only garbage waiting to be
 * collected and nothing is reported. Any other refusal marks the memory limit as hit.
 * ---------------------------------------------------------------------------------------------- */

/* Records the innermost Lua frame with a line as the location of the error being raised. Reads
   only the call info Lua keeps consistent at every point where it can allocate or raise. */
static inline void clua_record_location(lua_State *L, clua_control *c) {
  lua_Debug ar;
  c->error_line = -1;
  c->error_source[0] = '\0';
  for (int level = 0; lua_getstack(L, level, &ar); level++) {
    if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
      c->error_line = ar.currentline;
      size_t n = ar.srclen < sizeof(c->error_source) - 1 ? ar.srclen : sizeof(c->error_source) - 1;
      memcpy(c->error_source, ar.source, n);
      c->error_source[n] = '\0';
      return;
    }
  }
}

static inline void *clua_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  clua_control *c = (clua_control *)ud;
  size_t old = ptr ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    c->used -= old;
    return NULL;
  }
  int retry = c->alloc_pending && c->pending_ptr == ptr && c->pending_osize == osize &&
              c->pending_nsize == nsize;
  if (c->alloc_pending && !retry && c->limit_hit == CLUA_LIMIT_NONE) {
    c->limit_hit = CLUA_LIMIT_MEMORY;
  }
  c->alloc_pending = 0;
  if (c->armed && c->limit && c->headroom == 0 && nsize > old && c->used - old + nsize > c->limit) {
    if (c->L && c->limit_hit == CLUA_LIMIT_NONE && !c->alloc_pending) clua_record_location(c->L, c);
    if (retry) {
      if (c->limit_hit == CLUA_LIMIT_NONE) c->limit_hit = CLUA_LIMIT_MEMORY;
    } else {
      c->alloc_pending = 1;
      c->pending_ptr = ptr;
      c->pending_osize = osize;
      c->pending_nsize = nsize;
    }
    return NULL;
  }
  void *block = realloc(ptr, nsize);
  if (block == NULL) return NULL;
  c->used = c->used - old + nsize;
  if (c->used > c->peak) c->peak = c->used;
  return block;
}

/* ------------------------------------------------------------------------------------------------
 * The count hook: the instruction limit and the deadline.
 *
 * Once a limit is hit the hook re-arms itself to run after every instruction, so a `pcall` in the
 * script can catch the error but cannot run another instruction without raising it again.
 * ---------------------------------------------------------------------------------------------- */

static inline int clua_raise_limit(lua_State *L, clua_control *c) {
  c->headroom++;   /* the message must not fail for want of memory */
  switch (c->limit_hit) {
    case CLUA_LIMIT_MEMORY:
      lua_pushliteral(L, "memory limit exceeded");
      break;
    case CLUA_LIMIT_INSTRUCTIONS:
      lua_pushfstring(L, "instruction limit exceeded (%I instructions)", (lua_Integer)c->instruction_limit);
      break;
    default:
      lua_pushfstring(L, "deadline exceeded (%I ms)", (lua_Integer)(c->deadline_span_ns / 1000000));
      break;
  }
  c->headroom--;
  return lua_error(L);
}

static void clua_hook(lua_State *L, lua_Debug *ar);

static inline void clua_rearm_every_instruction(lua_State *L, clua_control *c) {
  if (c->hook_interval != 1) {
    c->hook_interval = 1;
    lua_sethook(L, clua_hook, LUA_MASKCOUNT, 1);
  }
}

/* Some instructions cost in proportion to the data they touch: comparing two long strings,
   copying many arguments. Data that large was allocated by this call, or kept from earlier ones
   (the state then holds more than twice what it holds at rest). While neither passes
   CLUA_QUIET_BYTES the hook runs every `base_interval` instructions; past it, it runs more often,
   in inverse proportion to that memory, so the deadline is seen within a few milliseconds
   whatever the instructions cost. */
#define CLUA_QUIET_BYTES ((size_t)1 << 20)
#define CLUA_BUSY_INTERVAL 8

static inline int clua_interval_for(const clua_control *c) {
  size_t grown = c->used > c->armed_used ? c->used - c->armed_used : 0;
  if (c->quiet && c->used > 2 * c->quiet && c->used - 2 * c->quiet > grown) grown = c->used - 2 * c->quiet;
  if (grown <= CLUA_QUIET_BYTES) return c->base_interval;
  size_t interval = (size_t)c->base_interval * CLUA_QUIET_BYTES / grown;
  if (interval < CLUA_BUSY_INTERVAL) interval = CLUA_BUSY_INTERVAL;
  return interval < (size_t)c->base_interval ? (int)interval : c->base_interval;
}

static void clua_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  clua_control *c = clua_control_of(L);
  if (!c->armed) return;
  if (c->limit_hit == CLUA_LIMIT_NONE) {
    if (c->alloc_pending) {
      c->limit_hit = CLUA_LIMIT_MEMORY;
    } else {
      c->instructions_left -= c->hook_interval;
      if (c->instructions_left <= 0) {
        c->limit_hit = CLUA_LIMIT_INSTRUCTIONS;
      } else if (c->deadline_ns && clua_now_ns() >= c->deadline_ns) {
        c->limit_hit = CLUA_LIMIT_DEADLINE;
      }
    }
  }
  if (c->limit_hit != CLUA_LIMIT_NONE) {
    clua_rearm_every_instruction(L, c);
    clua_raise_limit(L, c);
  }
  int interval = clua_interval_for(c);
  if (interval != c->hook_interval) {
    c->hook_interval = interval;
    lua_sethook(L, clua_hook, LUA_MASKCOUNT, interval);
  }
}

/* ------------------------------------------------------------------------------------------------
 * Charged work: what C code does on a script's behalf counts like instructions.
 *
 * Lua's library functions run in C, where the count hook never fires: `string.rep("", n)` or
 * `table.move` over a huge range would loop past every limit. The sandbox's C functions charge the
 * work they do — one step per element read, written, compared or returned, one per 64 bytes
 * copied — before doing it, in blocks, so a budget runs out before the work does and the clock is
 * read every CLUA_CLOCK_EVERY steps. Running out raises the limit like the hook (sticky).
 * ---------------------------------------------------------------------------------------------- */

#define CLUA_CLOCK_EVERY 4096
#define CLUA_BLOCK 4096
#define CLUA_BYTES_PER_STEP 64

/* Counts `steps` against the budget of the call in progress and reads the clock when it is due;
   returns the limit hit (sticky), CLUA_LIMIT_NONE when none. Never raises: host code calls it. */
static inline int clua_account(clua_control *c, lua_Unsigned steps) {
  if (!c->armed) return CLUA_LIMIT_NONE;
  if (c->limit_hit == CLUA_LIMIT_NONE) {
    if (c->counts_instructions) {
      if (steps >= (lua_Unsigned)c->instructions_left) {
        c->instructions_left = 0;
        c->limit_hit = CLUA_LIMIT_INSTRUCTIONS;
      } else {
        c->instructions_left -= (long long)steps;
      }
    }
    if (c->limit_hit == CLUA_LIMIT_NONE && c->deadline_ns) {
      c->charged_since_clock += steps > (lua_Unsigned)CLUA_CLOCK_EVERY ? CLUA_CLOCK_EVERY : (long long)steps;
      if (c->charged_since_clock >= CLUA_CLOCK_EVERY) {
        c->charged_since_clock = 0;
        if (clua_now_ns() >= c->deadline_ns) c->limit_hit = CLUA_LIMIT_DEADLINE;
      }
    }
  }
  return c->limit_hit;
}

/* Charges `steps` to the call in progress; raises the limit error when the budget or the time is
   out. Does nothing outside a call from the host, or while host code runs. */
static inline void clua_charge(lua_State *L, lua_Unsigned steps) {
  clua_control *c = clua_control_of(L);
  if (!c->armed || c->headroom) return;
  if (clua_account(c, steps) != CLUA_LIMIT_NONE) {
    clua_rearm_every_instruction(L, c);
    clua_raise_limit(L, c);
  }
}

/* Bytes the call in progress may still allocate (SIZE_MAX without a cap), for host code that
   builds a result for the script. */
static inline size_t clua_memory_left(const clua_control *c) {
  if (!c->armed || c->limit == 0) return (size_t)-1;
  return c->used < c->limit ? c->limit - c->used : 0;
}

/* Marks the memory limit as hit by host code refusing to build a result larger than what is left,
   at the script's current line. */
static inline void clua_refuse_memory(clua_control *c) {
  if (c->limit_hit == CLUA_LIMIT_NONE) {
    if (c->L) clua_record_location(c->L, c);
    c->limit_hit = CLUA_LIMIT_MEMORY;
  }
}

/* The steps of copying `bytes` bytes. */
static inline lua_Unsigned clua_byte_steps(size_t bytes) { return (lua_Unsigned)(bytes / CLUA_BYTES_PER_STEP); }

/* Charges the next block of a loop that has `left` (> 0) steps to go and returns its size: a loop
   charges block by block, so it stops within CLUA_BLOCK steps of its budget or its deadline. */
static inline lua_Unsigned clua_charge_block(lua_State *L, lua_Unsigned left) {
  lua_Unsigned block = left < CLUA_BLOCK ? left : CLUA_BLOCK;
  clua_charge(L, block);
  return block;
}

/* Arms the limits for a call from the host. `memory_limit` is the cap on the state's total bytes
   (0: none); `instructions` and `deadline_ns` (absolute, CLOCK_MONOTONIC; 0: none) bound the call. */
static inline void clua_arm(lua_State *L, size_t memory_limit, long long instructions,
                            long long deadline_ns, long long deadline_span_ns) {
  clua_control *c = clua_control_of(L);
  c->armed = 1;
  c->limit = memory_limit;
  c->limit_hit = CLUA_LIMIT_NONE;
  c->alloc_pending = 0;
  c->host_error = NULL;
  c->instruction_limit = instructions;
  c->instructions_left = instructions;
  c->counts_instructions = instructions != LLONG_MAX;
  c->charged_since_clock = 0;
  c->deadline_ns = deadline_ns;
  c->deadline_span_ns = deadline_span_ns;
  c->armed_used = c->used;
  int interval = 1000;
  if (instructions > 0 && instructions < interval) interval = (int)instructions;
  c->base_interval = interval;
  interval = clua_interval_for(c);   /* sooner when the state keeps much from earlier calls */
  c->hook_interval = interval;
  if (instructions == LLONG_MAX && deadline_ns == 0) {
    /* Nothing to count and no clock to watch: no hook, no cost. A refused allocation is still
       reported when the call ends. */
    lua_sethook(L, NULL, 0, 0);
    return;
  }
  lua_sethook(L, clua_hook, LUA_MASKCOUNT, interval);
}

/* Ends a call from the host: no limit applies until the next one. */
static inline void clua_disarm(lua_State *L) {
  clua_control *c = clua_control_of(L);
  c->armed = 0;
  c->alloc_pending = 0;
  lua_sethook(L, NULL, 0, 0);
}

/* Runs a full collection with the cap lifted (after a call that hit a limit, before closing). */
static inline void clua_collect(lua_State *L) {
  clua_control *c = clua_control_of(L);
  c->headroom++;
  lua_gc(L, LUA_GCCOLLECT);
  c->headroom--;
}

/* ------------------------------------------------------------------------------------------------
 * The message handler: keeps the error object as it is (never calls its __tostring), and records a
 * traceback and the location of the innermost Lua frame for the host.
 * ---------------------------------------------------------------------------------------------- */

#define CLUA_TRACEBACK_KEY "cadre.host.traceback"

static inline int clua_msghandler(lua_State *L) {
  clua_control *c = clua_control_of(L);
  c->headroom++;
  c->error_was_host = (c->host_error != NULL && lua_topointer(L, 1) == c->host_error);
  clua_record_location(L, c);
  luaL_traceback(L, L, NULL, 1);
  lua_setfield(L, LUA_REGISTRYINDEX, CLUA_TRACEBACK_KEY);
  c->headroom--;
  lua_settop(L, 1);
  return 1;
}

/* lua_pcall with the message handler. The handler goes just below the function and its arguments
   and is removed afterwards, so the stack holds the results (or the error object) as with lua_pcall. */
static inline int clua_pcall(lua_State *L, int nargs, int nresults) {
  int base = lua_gettop(L) - nargs;   /* index of the function */
  lua_pushcfunction(L, clua_msghandler);
  lua_rotate(L, base, 1);
  int status = lua_pcall(L, nargs, nresults, base);
  lua_rotate(L, base, -1);
  lua_settop(L, -2);
  return status;
}

/* A call from host code that is itself running inside a call (a Swift function called by Lua that
   calls back into Lua): the cap applies again to the Lua code, and is lifted again afterwards. */
static inline int clua_pcall_from_host(lua_State *L, int nargs, int nresults) {
  clua_control *c = clua_control_of(L);
  int saved = c->headroom;
  c->headroom = 0;
  int status = clua_pcall(L, nargs, nresults);
  c->headroom = saved;
  return status;
}

/* ------------------------------------------------------------------------------------------------
 * The trampoline: every Swift function Lua can call is this C closure, with the host's function
 * number as upvalue 1. Swift returns a status; only C raises.
 * ---------------------------------------------------------------------------------------------- */

static inline int clua_trampoline(lua_State *L) {
  clua_control *c = clua_control_of(L);
  lua_Integer function = lua_tointegerx(L, lua_upvalueindex(1), NULL);
  c->headroom++;
  int n = c->dispatch(L, c->host, function);
  c->headroom--;
  if (c->armed && c->limit && c->headroom == 0 && c->used > c->limit) {
    if (c->limit_hit == CLUA_LIMIT_NONE) c->limit_hit = CLUA_LIMIT_MEMORY;
  }
  if (c->armed && c->limit_hit != CLUA_LIMIT_NONE) {
    clua_rearm_every_instruction(L, c);
    return clua_raise_limit(L, c);
  }
  if (n < 0) return lua_error(L);
  return n;
}

/* Pushes the host's function number `function` as a Lua function. */
static inline void clua_pushhostfunction(lua_State *L, lua_Integer function) {
  lua_pushinteger(L, function);
  lua_pushcclosure(L, clua_trampoline, 1);
}

/* Pushes the host's function number `function` as a closure over the `n` values on the top of the
   stack (its upvalues 2 to n + 1; upvalue 1 is the function number). */
static inline void clua_pushhostclosure(lua_State *L, lua_Integer function, int n) {
  lua_pushinteger(L, function);
  lua_rotate(L, -(n + 1), 1);
  lua_pushcclosure(L, clua_trampoline, n + 1);
}

/* Pushes `message`, with the position of the calling Lua code, as the error object the trampoline
   will raise. With `from_host`, remembers it so the message handler can tell an error of the host
   (a store that is down) from an error of the script (a bad argument). */
static inline void clua_pusherror(lua_State *L, const char *message, size_t length, int from_host) {
  clua_control *c = clua_control_of(L);
  luaL_where(L, 1);
  lua_pushlstring(L, message, length);
  lua_concat(L, 2);
  if (from_host) c->host_error = lua_topointer(L, -1);
}

/* t[k] with metamethods, as a function to call in protected mode: (t, k) -> t[k]. */
static inline int clua_gettable_function(lua_State *L) {
  lua_settop(L, 2);
  lua_gettable(L, 1);
  return 1;
}

/* ------------------------------------------------------------------------------------------------
 * Host objects: a userdata holding a retained pointer, released when Lua collects it.
 * ---------------------------------------------------------------------------------------------- */

typedef struct clua_hostobject { void *object; } clua_hostobject;

static inline int clua_hostobject_gc(lua_State *L) {
  clua_hostobject *box = (clua_hostobject *)lua_touserdata(L, 1);
  clua_control *c = clua_control_of(L);
  if (box && box->object && c->release) {
    c->release(c->host, box->object);
    box->object = NULL;
  }
  return 0;
}

/* Pushes a userdata for `object` with the metatable registered as `type_name` (must exist). */
static inline void clua_pushhostobject(lua_State *L, void *object, const char *type_name) {
  clua_hostobject *box = (clua_hostobject *)lua_newuserdatauv(L, sizeof(clua_hostobject), 0);
  box->object = object;
  luaL_setmetatable(L, type_name);
}

/* The object of the userdata at `idx` if it is a host object of type `type_name`, else NULL. */
static inline void *clua_tohostobject(lua_State *L, int idx, const char *type_name) {
  clua_hostobject *box = (clua_hostobject *)luaL_testudata(L, idx, type_name);
  return box ? box->object : NULL;
}

/* ------------------------------------------------------------------------------------------------
 * Read-only tables. A read-only table is an empty proxy whose protected metatable has
 * __index = the real table. Writes through the proxy raise; `pairs` and `#` see the real table;
 * the real table is never handed to a script.
 * ---------------------------------------------------------------------------------------------- */

static inline int clua_readonly_newindex(lua_State *L) {
  if (lua_type(L, 2) == LUA_TSTRING) {
    return luaL_error(L, "attempt to set field '%s' of a read-only table", lua_tostring(L, 2));
  }
  return luaL_error(L, "attempt to modify a read-only table");
}

/* Read-only proxies are recognised by a field of their metatable holding a sentinel that only the
   registry (unreachable from scripts) also holds: scripts cannot forge a proxy. (Function
   addresses cannot serve: each Swift file that includes this header has its own copy of them.) */
#define CLUA_SENTINEL_KEY "cadre.host.readonly"

static inline void clua_pushsentinel(lua_State *L) {
  lua_getfield(L, LUA_REGISTRYINDEX, CLUA_SENTINEL_KEY);
}

/* A watched read-only proxy reads its real table through a C function that notes which watched
   fields a script reads (clua_watched_index): its metatable keeps the real table under `__data`
   and the watched keys, each with its bit, under `__watch`. Reading it raw (`next`, `rawget`,
   `pairs`) notes every watched field at once. */
static inline void clua_note_all_readings(lua_State *L, int metatable) {
  lua_pushliteral(L, "__watch");
  if (lua_rawget(L, metatable) == LUA_TTABLE) {
    clua_control *c = clua_control_of(L);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
      c->readings |= (int)lua_tointegerx(L, -1, NULL);
      lua_settop(L, -2);
    }
  }
  lua_settop(L, -2);
}

/* Pushes the real table of the read-only proxy whose metatable is at `metatable`. */
static inline void clua_readonly_data(lua_State *L, int metatable) {
  metatable = lua_absindex(L, metatable);
  lua_pushliteral(L, "__index");
  if (lua_rawget(L, metatable) != LUA_TTABLE) {
    lua_settop(L, -2);
    clua_note_all_readings(L, metatable);
    lua_pushliteral(L, "__data");
    lua_rawget(L, metatable);
  }
}

/* Pushes the real table behind the read-only proxy at `idx`; returns 0 (pushing nothing) if the
   value is not a read-only proxy. */
static inline int clua_readonly_target(lua_State *L, int idx) {
  idx = lua_absindex(L, idx);
  if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx)) return 0;
  lua_pushliteral(L, "__readonly");
  lua_rawget(L, -2);
  clua_pushsentinel(L);
  int readonly = lua_rawequal(L, -1, -2);
  lua_settop(L, -3);
  if (!readonly) { lua_settop(L, -2); return 0; }
  clua_readonly_data(L, -1);
  lua_remove(L, -2);
  return 1;
}

/* __index of a watched proxy: upvalue 1 the real table, upvalue 2 the watched keys and their bits. */
static inline int clua_watched_index(lua_State *L) {
  lua_settop(L, 2);
  lua_pushvalue(L, 2);
  if (lua_rawget(L, lua_upvalueindex(2)) == LUA_TNUMBER) clua_control_of(L)->readings |= (int)lua_tointegerx(L, -1, NULL);
  lua_settop(L, 2);
  lua_gettable(L, lua_upvalueindex(1));
  return 1;
}

/* Makes the read-only proxy on the top of the stack watched: the table below it holds the keys to
   watch, each with its bit ([watch, proxy] → [proxy]). */
static inline void clua_watch(lua_State *L) {
  lua_getmetatable(L, -1);                       /* watch, proxy, metatable */
  lua_pushliteral(L, "__index");
  lua_rawget(L, -2);                             /* watch, proxy, metatable, real */
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, "__data");
  lua_pushvalue(L, -4);                          /* watch, proxy, metatable, real, watch */
  lua_pushvalue(L, -1);
  lua_setfield(L, -4, "__watch");
  lua_pushcclosure(L, clua_watched_index, 2);
  lua_setfield(L, -2, "__index");                /* watch, proxy, metatable */
  lua_settop(L, -2);
  lua_rotate(L, -2, 1);
  lua_settop(L, -2);                             /* proxy */
}

static inline int clua_readonly_len(lua_State *L) {
  if (!clua_readonly_target(L, 1)) return luaL_error(L, "not a read-only table");
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
  return 1;
}

/* next() over the real table of a proxy. */
static inline int clua_readonly_next(lua_State *L) {
  lua_settop(L, 2);
  if (!clua_readonly_target(L, 1)) return luaL_error(L, "not a read-only table");
  lua_pushvalue(L, 2);
  if (lua_next(L, 3)) return 2;
  lua_pushnil(L);
  return 1;
}

/* The iterator `pairs` returns for a read-only table that lists its fields in the host's order.
   Upvalues: 1 the real table, 2 the metatable (whose sequence is the non-array keys in order),
   3 the position reached, 4 the length of the real table's array part. */
static inline int clua_readonly_iterate(lua_State *L) {
  lua_Integer position = lua_tointegerx(L, lua_upvalueindex(3), NULL);
  lua_Integer length = lua_tointegerx(L, lua_upvalueindex(4), NULL);
  for (;;) {
    position++;
    if (position <= length) {
      lua_pushinteger(L, position);
      if (lua_rawgeti(L, lua_upvalueindex(1), position) == LUA_TNIL) { lua_settop(L, -3); continue; }
    } else {
      if (lua_rawgeti(L, lua_upvalueindex(2), position - length) == LUA_TNIL) return 1;  /* the end */
      lua_pushvalue(L, -1);
      if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TNIL) { lua_settop(L, -3); continue; }
    }
    lua_pushinteger(L, position);
    lua_replace(L, lua_upvalueindex(3));
    return 2;
  }
}

static inline int clua_readonly_pairs(lua_State *L) {
  if (lua_getmetatable(L, 1)) {
    if (lua_rawlen(L, -1) > 0) {
      clua_readonly_data(L, -1);                    /* metatable, real */
      lua_rotate(L, -2, 1);                         /* real, metatable */
      lua_pushinteger(L, 0);
      lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -3));
      lua_pushcclosure(L, clua_readonly_iterate, 4);
      lua_pushvalue(L, 1);
      lua_pushnil(L);
      return 3;
    }
    lua_settop(L, 1);
  }
  lua_pushcfunction(L, clua_readonly_next);
  lua_pushvalue(L, 1);
  lua_pushnil(L);
  return 3;
}

#define CLUA_READONLY_MARK "read-only"

/* Turns the pair [metatable, real table] on the top of the stack into the real table's read-only
   proxy ([proxy]). The metatable's sequence, if any, is the real table's non-array keys in the
   order `pairs` must list them; its other fields become the proxy's metamethods. The metatable can
   carry a host tag (an integer), read by clua_readonly_tag. */
static inline void clua_sealreadonly(lua_State *L, lua_Integer tag, int has_tag) {
  lua_setfield(L, -2, "__index");                                     /* metatable */
  clua_pushsentinel(L);
  lua_setfield(L, -2, "__readonly");
  lua_pushcfunction(L, clua_readonly_newindex);
  lua_setfield(L, -2, "__newindex");
  lua_pushcfunction(L, clua_readonly_len);
  lua_setfield(L, -2, "__len");
  lua_pushcfunction(L, clua_readonly_pairs);
  lua_setfield(L, -2, "__pairs");
  lua_pushliteral(L, CLUA_READONLY_MARK);
  lua_setfield(L, -2, "__metatable");
  if (has_tag) {
    lua_pushinteger(L, tag);
    lua_setfield(L, -2, "__tag");
  }
  lua_createtable(L, 0, 0);                                           /* metatable, proxy */
  lua_rotate(L, -2, 1);                                               /* proxy, metatable */
  lua_setmetatable(L, -2);                                            /* proxy */
}

/* Makes the table on the top of the stack read-only: replaces it by a proxy. With `keys` > 0, the
   `keys` values below the table are its non-array keys in the order `pairs` must list them; they
   are kept in the sequence part of the proxy's metatable (whose other fields are metamethods). The
   metatable can carry a host tag (an integer), read by clua_readonly_tag. */
static inline void clua_makereadonly(lua_State *L, lua_Integer tag, int has_tag, int keys) {
  int real = lua_gettop(L);
  int first_key = real - keys;
  lua_createtable(L, keys, 6 + (has_tag ? 1 : 0));                    /* metatable */
  for (int i = 0; i < keys; i++) {
    lua_pushvalue(L, first_key + i);
    lua_rawseti(L, -2, i + 1);
  }
  lua_pushvalue(L, real);                                             /* metatable, real */
  clua_sealreadonly(L, tag, has_tag);                                 /* proxy */
  lua_copy(L, -1, first_key);
  lua_settop(L, first_key);
}

/* A read-only tree written table by table (LuaTreeWriter): each open table is the pair
   [metatable, real table] on the stack, the metatable gathering the real table's non-array keys in
   the order they were given, the pair becoming a proxy (clua_sealreadonly) once the table is
   complete. */

/* Opens a table of a tree: pushes [metatable, real table], sized for `elements` and `fields`. */
static inline void clua_tree_open(lua_State *L, int elements, int fields, int has_tag) {
  lua_createtable(L, fields > 1 ? fields : 0, 6 + (has_tag ? 1 : 0));
  lua_createtable(L, elements, fields);
}

/* Stores the value on the top of the stack at the key below it in the open table below them
   ([metatable, real, key, value] → [metatable, real]). A nil value is not stored. A new key is
   listed in the metatable at position `keys + 1` and 1 is returned; a key already stored keeps
   its place in that list and only takes the new value (0). The key is neither nil nor NaN. */
static inline int clua_tree_setfield(lua_State *L, lua_Integer keys) {
  int real = lua_gettop(L) - 2;
  if (lua_type(L, -1) == LUA_TNIL) { lua_settop(L, -3); return 0; }
  lua_pushvalue(L, -2);
  int added = lua_rawget(L, real) == LUA_TNIL;
  lua_settop(L, -2);
  if (added) {
    lua_pushvalue(L, -2);
    lua_rawseti(L, real - 1, keys + 1);
  }
  lua_rawset(L, real);
  return added;
}

/* Closes the open table on the top of the stack ([metatable, real] → [proxy]), which was given
   `keys` non-array keys: with fewer than two, `pairs` needs no order, and the metatable lists none. */
static inline void clua_tree_close(lua_State *L, lua_Integer tag, int has_tag, lua_Integer keys) {
  if (keys == 1) {
    lua_pushnil(L);
    lua_rawseti(L, -3, 1);
  }
  clua_sealreadonly(L, tag, has_tag);
}

/* The host tag of the read-only proxy at `idx`, or 0 with *found = 0. Never raises. */
static inline lua_Integer clua_readonly_tag(lua_State *L, int idx, int *found) {
  *found = 0;
  idx = lua_absindex(L, idx);
  if (!clua_readonly_target(L, idx)) return 0;
  lua_settop(L, -2);
  if (!lua_getmetatable(L, idx)) return 0;
  lua_pushliteral(L, "__tag");
  lua_rawget(L, -2);
  lua_Integer tag = lua_tointegerx(L, -1, found);
  lua_settop(L, -3);
  return tag;
}

/* ------------------------------------------------------------------------------------------------
 * The sandbox's replacements for base functions that could reach what a script must not.
 * ---------------------------------------------------------------------------------------------- */

/* next, rawget and rawlen see through read-only tables: reading is allowed, only writing is not. */
static inline int clua_next_seethrough(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  if (clua_readonly_target(L, 1)) lua_replace(L, 1);
  if (lua_next(L, 1)) return 2;
  lua_pushnil(L);
  return 1;
}

static inline int clua_rawget_seethrough(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  lua_settop(L, 2);
  if (clua_readonly_target(L, 1)) lua_replace(L, 1);
  lua_rawget(L, 1);
  return 1;
}

static inline int clua_rawlen_seethrough(lua_State *L) {
  int t = lua_type(L, 1);
  luaL_argexpected(L, t == LUA_TTABLE || t == LUA_TSTRING, 1, "table or string");
  lua_settop(L, 1);
  if (clua_readonly_target(L, 1)) lua_replace(L, 1);
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
  return 1;
}

/* __index of the shared globals: reading a global nobody defined is an error that names it. */
static inline int clua_undefined_global(lua_State *L) {
  if (lua_type(L, 2) == LUA_TSTRING) return luaL_error(L, "undefined global '%s'", lua_tostring(L, 2));
  return luaL_error(L, "undefined global (a %s key)", luaL_typename(L, 2));
}

/* rawset, refusing read-only tables. */
static inline int clua_rawset_guarded(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  luaL_checkany(L, 3);
  if (clua_readonly_target(L, 1)) return luaL_error(L, "attempt to modify a read-only table");
  lua_settop(L, 3);
  lua_rawset(L, 1);
  return 1;
}

/* setmetatable, refusing protected metatables (as Lua does) and __gc metamethods: a finalizer would
   run at a moment no limit governs. */
static inline int clua_setmetatable_guarded(lua_State *L) {
  int t = lua_type(L, 2);
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
  if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
    return luaL_error(L, "cannot change a protected metatable");
  if (t == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL)
      return luaL_error(L, "__gc metamethods are not available in the sandbox");
    lua_settop(L, -2);
  }
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

/* xpcall, with the message handler called once the stack has unwound. Lua calls a handler at the
   point of the error, with hooks disabled when the error comes from a hook: a handler that loops
   would then run with no limit. Without `debug`, a handler cannot tell the difference. An error in
   the handler gives `false, "error in error handling"`, as in Lua. */
static inline int clua_xpcall(lua_State *L) {
  int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushboolean(L, 1);
  lua_pushvalue(L, 1);
  lua_rotate(L, 3, 2);            /* f, handler, true, f, args... */
  if (lua_pcall(L, n - 2, LUA_MULTRET, 0) == LUA_OK) return lua_gettop(L) - 2;
  lua_pushvalue(L, 2);
  lua_rotate(L, -2, 1);           /* ..., handler, error */
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
    lua_settop(L, -2);
    lua_pushliteral(L, "error in error handling");
  }
  lua_pushboolean(L, 0);
  lua_rotate(L, -2, 1);
  return 2;
}

/* collectgarbage, limited to "count" (the only option that cannot disturb the host). */
static inline int clua_collectgarbage_count(lua_State *L) {
  const char *option = luaL_optstring(L, 1, "count");
  if (strcmp(option, "count") != 0)
    return luaL_error(L, "collectgarbage: only \"count\" is available in the sandbox");
  int kb = lua_gc(L, LUA_GCCOUNT);
  int bytes = lua_gc(L, LUA_GCCOUNTB);
  lua_pushnumber(L, (lua_Number)kb + ((lua_Number)bytes / 1024));
  return 1;
}

/* ------------------------------------------------------------------------------------------------
 * State creation and loading.
 * ---------------------------------------------------------------------------------------------- */

/* A new state whose allocator is capped by `control` (which must outlive the state). Opens only
   the libraries the sandbox keeps: base, string, table, math, utf8. */
static inline lua_State *clua_newstate(clua_control *control) {
  lua_State *L = lua_newstate(clua_alloc, control);
  if (L == NULL) return NULL;
  control->L = L;
  lua_createtable(L, 0, 0);
  lua_setfield(L, LUA_REGISTRYINDEX, CLUA_SENTINEL_KEY);
  luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
  luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
  luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
  luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
  luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
  lua_settop(L, 0);
  return L;
}

/* Loads a chunk from memory in text mode only: binary chunks are refused. */
static inline int clua_loadtext(lua_State *L, const char *buffer, size_t size, const char *chunkname) {
  return luaL_loadbufferx(L, buffer, size, chunkname, "t");
}

#include "table_library.h"
#include "charged_functions.h"
#include "retained.h"

#endif /* CLUA_SHIM_H */
