// Response bodies that misbehave on cue, for tests of the body guard with an injected fetch.

/** A body that sends `chunks` (one per `everyMs`) and then either ends, stalls forever or fails. */
export function pacedBody(
  chunks: string[],
  everyMs: number,
  end: "close" | "stall" | Error = "close",
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let i = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      return new Promise<void>((resolve) => {
        if (i >= chunks.length) {
          if (end === "close") controller.close();
          else if (end instanceof Error) controller.error(end);
          // "stall": never resolve, never enqueue.
          if (end !== "stall") resolve();
          return;
        }
        timer = setTimeout(
          () => {
            controller.enqueue(encoder.encode(chunks[i++]));
            resolve();
          },
          i === 0 ? 0 : everyMs,
        );
      });
    },
    cancel() {
      clearTimeout(timer);
    },
  });
}

/** What undici raises when the socket closes mid-body. */
export function terminated(): TypeError {
  return new TypeError("terminated", {
    cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }),
  });
}
