import { type ApiError, DataclientsError, PermissionDeniedError } from "@dataclients/core";
import type { DataApiPermission, Job } from "./types.js";

const MANAGED_POLICIES = "VisualizationViewer, VisualizationManager or DataAPIConsumer";

/** A 403 from the Data API, naming the permission the integration user lacks. */
export class MissingPermissionError extends PermissionDeniedError {
  override name = "MissingPermissionError";
  readonly permission: DataApiPermission;

  constructor(cause: ApiError, permission: DataApiPermission) {
    super({
      status: cause.status,
      body: cause.body,
      method: cause.method,
      url: cause.url,
      headers: new Headers(cause.headers),
    });
    this.permission = permission;
    this.message = `${this.message} — the integration user needs the ${permission} permission (managed policies ${MANAGED_POLICIES})`;
  }
}

/** An async job ended with status "failed"; `job.error` holds the vendor's reason. */
export class JobFailedError extends DataclientsError {
  override name = "JobFailedError";
  constructor(readonly job: Job) {
    super(`Solucao42 job ${job.job_id} failed: ${job.error ?? "no reason given"}`);
  }
}

/** A callback body that is not a job (see parseCallback). */
export class InvalidCallbackError extends DataclientsError {
  override name = "InvalidCallbackError";
}
