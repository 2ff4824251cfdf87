package dev.pave.api.logs;

import dev.pave.api.api.RequestLogsView;
import dev.pave.api.auth.PavePrincipal;
import dev.pave.api.core.RequestService;
import dev.pave.api.db.StepLogDao;
import org.jdbi.v3.core.Jdbi;

/**
 * Reading a request's Terraform output, for the API and the portal alike. The activities wrote it
 * already masked (SecretMask); reading goes through the request's own authorization, not a second
 * one: whoever may read the request reads its logs, another team gets the same 404.
 */
public final class RequestLogs {

  private final Jdbi jdbi;
  private final RequestService requests;

  public RequestLogs(Jdbi jdbi, RequestService requests) {
    this.jdbi = jdbi;
    this.requests = requests;
  }

  public RequestLogsView of(PavePrincipal caller, String requestId) {
    String id = requests.get(caller, requestId).id();
    return new RequestLogsView(id, jdbi.onDemand(StepLogDao.class).forRequest(id).stream()
        .map(row -> new RequestLogsView.StepOutput(row.step(), row.output(), row.truncated()))
        .toList());
  }
}
