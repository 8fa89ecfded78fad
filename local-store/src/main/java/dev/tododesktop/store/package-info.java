/** The desktop client's per-user SQLite store. */
package dev.tododesktop.store;
