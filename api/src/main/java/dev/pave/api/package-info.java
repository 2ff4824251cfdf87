/** Pave's Dropwizard application: HTTP API, persistence, embedded services and wiring. */
package dev.pave.api;
