package dev.pave.api.api;

import java.util.List;

/** The answer of the list: {"requests": [...]}, an object so that fields can be added beside the list. */
public record RequestList(List<RequestView> requests) {}
