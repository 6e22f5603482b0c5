/*
 * What a script keeps: an estimate of the bytes reachable from a value.
 *
 * A rule can keep data from one call to the next — in its environment, in the upvalues of its
 * functions, in tables those reach. The host measures it with clua_retained, walking tables (keys,
 * values, metatables), functions (upvalues) and userdata (metatables, user values), counting each
 * object once, and stopping as soon as the count passes a limit: the walk costs at most what the
 * limit allows. Sizes are estimates of Lua 5.4's own layout on a 64-bit machine (a table 56 bytes
 * and 32 per entry, a string 24 bytes and its length, a closure 32 bytes and 16 per upvalue).
 * Objects already in the `seen` table are not walked: the host puts there what every script
 * shares (the globals, the libraries, the descriptor being evaluated).
 */
#ifndef CLUA_RETAINED_H
#define CLUA_RETAINED_H

/* Whether the value at `index` holds memory worth walking: not nil, booleans, numbers, light
   userdata or light C functions. */
static inline int clua_retained_walkable(lua_State *L, int index) {
  switch (lua_type(L, index)) {
    case LUA_TSTRING: case LUA_TTABLE: case LUA_TUSERDATA: case LUA_TTHREAD:
      return 1;
    case LUA_TFUNCTION:
      if (!lua_iscfunction(L, index)) return 1;
      if (lua_getupvalue(L, index, 1) == NULL) return 0;   /* a light C function holds nothing */
      lua_settop(L, -2);
      return 1;
    default:
      return 0;
  }
}

/* Marks the value on the top of the stack as seen, and pops it. Returns 1 when it is new and worth
   walking, 0 when it was seen before or holds nothing. */
static inline int clua_retained_mark(lua_State *L, int seen) {
  if (!clua_retained_walkable(L, -1)) {
    lua_settop(L, -2);
    return 0;
  }
  lua_pushvalue(L, -1);
  if (lua_rawget(L, seen) != LUA_TNIL) {
    lua_settop(L, -3);
    return 0;
  }
  lua_settop(L, -2);
  lua_pushboolean(L, 1);
  lua_rawset(L, seen);
  return 1;
}

/* Estimated bytes reachable from the value at `root` and not yet in the table `seen`, which gains
   everything walked. Stops once the count passes `limit` (the result is then above `limit`).
   Host code only: it allocates (the `seen` table and a work list) without limits. */
static inline size_t clua_retained(lua_State *L, int root, int seen, size_t limit) {
  root = lua_absindex(L, root);
  seen = lua_absindex(L, seen);
  if (!lua_checkstack(L, 8)) return 0;
  lua_createtable(L, 64, 0);   /* the work list */
  int todo = lua_gettop(L);
  lua_Integer pending = 0;
  size_t total = 0;
  lua_pushvalue(L, root);
  lua_pushvalue(L, -1);
  if (clua_retained_mark(L, seen)) lua_rawseti(L, todo, ++pending);
  else lua_settop(L, -2);
  while (pending > 0 && total <= limit) {
    lua_rawgeti(L, todo, pending);
    lua_pushnil(L);
    lua_rawseti(L, todo, pending--);
    int object = lua_gettop(L);
    switch (lua_type(L, object)) {
      case LUA_TSTRING:
        total += 24 + lua_rawlen(L, object);
        break;
      case LUA_TTABLE: {
        total += 56;
        lua_pushnil(L);
        while (lua_next(L, object)) {
          total += 32;
          for (int i = -2; i <= -1; i++) {
            lua_pushvalue(L, i);
            lua_pushvalue(L, -1);
            if (clua_retained_mark(L, seen)) lua_rawseti(L, todo, ++pending);
            else lua_settop(L, -2);
          }
          lua_settop(L, -2);
        }
        if (lua_getmetatable(L, object)) {
          lua_pushvalue(L, -1);
          if (clua_retained_mark(L, seen)) lua_rawseti(L, todo, ++pending);
          else lua_settop(L, -2);
        }
        break;
      }
      case LUA_TFUNCTION: {
        total += 32;
        for (int n = 1; lua_getupvalue(L, object, n) != NULL; n++) {
          total += 16;
          lua_pushvalue(L, -1);
          if (clua_retained_mark(L, seen)) lua_rawseti(L, todo, ++pending);
          else lua_settop(L, -2);
          lua_settop(L, object);
        }
        break;
      }
      case LUA_TUSERDATA: {
        total += 40 + lua_rawlen(L, object);
        for (int n = 1; lua_getiuservalue(L, object, n) != LUA_TNONE; n++) {
          lua_pushvalue(L, -1);
          if (clua_retained_mark(L, seen)) lua_rawseti(L, todo, ++pending);
          else lua_settop(L, -2);
          lua_settop(L, object);
        }
        lua_settop(L, object);
        if (lua_getmetatable(L, object)) {
          lua_pushvalue(L, -1);
          if (clua_retained_mark(L, seen)) lua_rawseti(L, todo, ++pending);
          else lua_settop(L, -2);
        }
        break;
      }
      default:
        total += 200;   /* a thread: scripts cannot make one; count it, do not walk it */
        break;
    }
    lua_settop(L, todo);
  }
  lua_settop(L, todo - 1);
  return total;
}

/* Adds the value at `index` to the table `seen`, so walks do not count it. */
static inline void clua_retained_exclude(lua_State *L, int index, int seen) {
  if (!clua_retained_walkable(L, index)) return;
  seen = lua_absindex(L, seen);
  lua_pushvalue(L, index);
  lua_pushboolean(L, 1);
  lua_rawset(L, seen);
}

/* clua_retained as a function to call in protected mode (an allocation that fails is then an error,
   not a panic): (roots, seen, limit) -> bytes, `roots` a sequence of values walked in order with
   the one `seen` table, stopping once the count passes `limit`. */
static inline int clua_retained_function(lua_State *L) {
  lua_Integer limit = lua_tointegerx(L, 3, NULL);
  size_t cap = limit > 0 ? (size_t)limit : 0;
  size_t total = 0;
  lua_Integer count = (lua_Integer)lua_rawlen(L, 1);
  for (lua_Integer i = 1; i <= count && total <= cap; i++) {
    lua_rawgeti(L, 1, i);
    total += clua_retained(L, -1, 2, cap - total);
    lua_settop(L, 3);
  }
  lua_pushinteger(L, (lua_Integer)total);
  return 1;
}

#endif /* CLUA_RETAINED_H */
