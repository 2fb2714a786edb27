/**
 * Checks on paths given as files, shared by every module that reads or writes one:
 * {@link dev.ferret.models.io.RegularFiles} refuses, before anything is opened, a path that is not a regular file
 * (a directory, named pipe, device or socket) and names what it is, with a
 * {@link dev.ferret.models.io.FileKindException}; {@link dev.ferret.models.io.TextFiles} reads a regular file as UTF-8
 * text, naming the first byte that does not decode ({@link dev.ferret.models.io.NotUtf8Exception}).
 */
package dev.ferret.models.io;
