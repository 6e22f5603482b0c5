/*
 * Lua's own C functions, charged for the work they do.
 *
 * Most library functions do work in proportion to a string they read or the values they return:
 * `tonumber` scans its argument, `string.upper` copies it, `string.byte` and `utf8.codepoint`
 * return a value per character. Each is bounded by the memory limit, but a loop of them runs
 * between two runs of the count hook, each call costing a single instruction. The sandbox puts
 * each such function behind a guard (a C closure over the original) that charges the work — what
 * it reads before the call, what it returned after — and refuses to return more than
 * CLUA_MAX_RESULTS values. `string.rep`, whose loop depends on an argument and not on memory, is
 * rewritten.
 */
#ifndef CLUA_CHARGED_FUNCTIONS_H
#define CLUA_CHARGED_FUNCTIONS_H

/* How a guarded function's work is measured (flags). */
enum {
  CLUA_COST_STRINGS = 1,     /* the bytes of its string arguments (it scans them), before the call */
  CLUA_COST_ARGUMENTS = 2,   /* the number of its arguments, before the call */
  CLUA_COST_RESULTS = 4,     /* the values it returned and the bytes of the strings among them, after */
  CLUA_COST_UTF8_ITERATOR = 8 /* its first result is utf8.codes' iterator: returned guarded (clua_utf8_step) */
};

/* utf8.codes' iterator, guarded: upvalue 1 is Lua's. Called as it(s, n), Lua's skips every
   continuation byte from `n` before it decodes — a whole string of them for one instruction. The
   guard skips them first, charging a step per 64 bytes block by block before it scans, then hands
   Lua's iterator the position it reached (where Lua's skips nothing): Lua's behaviour and errors. */
static int clua_utf8_step(lua_State *L) {
  lua_CFunction original = lua_tocfunction(L, lua_upvalueindex(1));
  if (lua_type(L, 1) == LUA_TSTRING) {
    size_t length;
    const char *s = lua_tolstring(L, 1, &length);
    lua_Unsigned n = (lua_Unsigned)lua_tointeger(L, 2);
    if (n < length && (s[n] & 0xC0) == 0x80) {
      clua_charge(L, 1);
      while (n < length && (s[n] & 0xC0) == 0x80) {
        lua_Unsigned left = (lua_Unsigned)length - n;
        lua_Unsigned block = left < CLUA_BLOCK * CLUA_BYTES_PER_STEP ? left : CLUA_BLOCK * CLUA_BYTES_PER_STEP;
        clua_charge(L, clua_byte_steps((size_t)block));
        lua_Unsigned end = n + block;
        while (n < end && (s[n] & 0xC0) == 0x80) n++;
      }
      lua_settop(L, 2);
      lua_pushinteger(L, (lua_Integer)n);
      lua_replace(L, 2);
    }
  }
  return original(L);
}

static inline lua_Unsigned clua_string_steps(lua_State *L, int first, int last) {
  lua_Unsigned steps = 0;
  for (int i = first; i <= last; i++) {
    if (lua_type(L, i) == LUA_TSTRING) steps += clua_byte_steps(lua_rawlen(L, i));
  }
  return steps;
}

/* The guard: upvalue 1 is the original function, upvalue 2 how its work is measured. The original
   runs on the same stack frame, so its argument errors name the function as before. */
static int clua_charged(lua_State *L) {
  lua_CFunction original = lua_tocfunction(L, lua_upvalueindex(1));
  int cost = (int)lua_tointegerx(L, lua_upvalueindex(2), NULL);
  int arguments = lua_gettop(L);
  if (cost & CLUA_COST_STRINGS) clua_charge(L, 1 + clua_string_steps(L, 1, arguments));
  if (cost & CLUA_COST_ARGUMENTS) clua_charge(L, 1 + (lua_Unsigned)arguments);
  int results = original(L);
  if ((cost & CLUA_COST_RESULTS) && results > 0) {
    if (results > CLUA_MAX_RESULTS) return luaL_error(L, "too many results (at most %d)", CLUA_MAX_RESULTS);
    int top = lua_gettop(L);
    clua_charge(L, (lua_Unsigned)results + clua_string_steps(L, top - results + 1, top));
  }
  if ((cost & CLUA_COST_UTF8_ITERATOR) && results > 0 && lua_iscfunction(L, -results)) {
    int first = lua_gettop(L) - results + 1;
    lua_pushvalue(L, first);
    lua_pushcclosure(L, clua_utf8_step, 1);
    lua_replace(L, first);
  }
  return results;
}

/* Replaces the function on the top of the stack by its guard. */
static inline void clua_pushcharged(lua_State *L, int cost) {
  lua_pushinteger(L, cost);
  lua_pushcclosure(L, clua_charged, 2);
}

/* string.rep(s, n [, sep]): Lua's behaviour and messages; the result is allocated first (under the
   memory limit), then written block by block, each block charged. An empty string repeated any
   number of times is the empty string, at once: every repetition then writes a byte or more, so
   the loop is as bounded as the memory. */
static int clua_string_rep(lua_State *L) {
  size_t length, separator_length;
  const char *s = luaL_checklstring(L, 1, &length);
  lua_Integer n = luaL_checkinteger(L, 2);
  const char *separator = luaL_optlstring(L, 3, "", &separator_length);
  const size_t max_size = (size_t)INT_MAX;
  if (n <= 0 || length + separator_length == 0) {
    lua_pushliteral(L, "");
    return 1;
  }
  if (length + separator_length < length || length + separator_length > max_size / (lua_Unsigned)n)
    return luaL_error(L, "resulting string too large");
  size_t total = (size_t)n * length + (size_t)(n - 1) * separator_length;
  luaL_Buffer buffer;
  char *p = luaL_buffinitsize(L, &buffer, total);
  lua_Unsigned left = (lua_Unsigned)n;
  while (left > 0) {
    lua_Unsigned block = left < CLUA_BLOCK ? left : CLUA_BLOCK;
    /* every repetition writes a byte or more: one step per 64 bytes, the repetitions counted as bytes */
    clua_charge(L, clua_byte_steps(block * (1 + length + separator_length)));
    left -= block;
    for (; block > 0; block--) {
      memcpy(p, s, length);
      p += length;
      if (block > 1 || left > 0) {
        memcpy(p, separator, separator_length);
        p += separator_length;
      }
    }
  }
  luaL_pushresultsize(&buffer, total);
  return 1;
}

/* print(...): the values as tostring shows them, joined by tabs, handed to the host function that
   is upvalue 1 (the host's log, which keeps a bounded part of each line). */
static int clua_print(lua_State *L) {
  int n = lua_gettop(L);
  luaL_Buffer buffer;
  clua_charge(L, 1 + (lua_Unsigned)n);
  lua_pushvalue(L, lua_upvalueindex(1));
  luaL_buffinit(L, &buffer);
  for (int i = 1; i <= n; i++) {
    if (i > 1) luaL_addchar(&buffer, '\t');
    size_t length;
    luaL_tolstring(L, i, &length);
    clua_charge(L, clua_byte_steps(length));
    luaL_addvalue(&buffer);
  }
  luaL_pushresult(&buffer);
  lua_call(L, 1, 0);
  return 0;
}

#endif /* CLUA_CHARGED_FUNCTIONS_H */
