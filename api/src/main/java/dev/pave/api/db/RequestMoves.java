package dev.pave.api.db;

import dev.pave.workflows.contract.RequestStatus;

/**
 * Told of each status move the ledger commits, once it is committed: what must follow a move
 * without being part of it (a run slot freed lets a waiting request of the team start). A
 * listener's failure never undoes or fails the move.
 */
@FunctionalInterface
public interface RequestMoves {

  RequestMoves NONE = (requestId, to) -> {};

  void moved(String requestId, RequestStatus to);
}
