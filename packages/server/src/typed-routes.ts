/**
 * Routes typed by protobufjs message classes (or anything with the same encode/decode shape).
 * A payload that does not decode answers BAD_REQUEST; a handler's result is encoded with the
 * response type (nothing = an empty RESP).
 */
import { type Decoder, decodePayload, type RequestContext, type RequestHandler } from "@tether/system/internal";

/** What a response type needs: the static `encode` of a generated protobufjs class. */
export interface Encoder<T> {
  encode(message: T): { finish(): Uint8Array };
}

export type { Decoder };

/** A generated protobufjs message class (both directions). */
export type MessageType<T> = Decoder<T> & Encoder<T>;

export function decodeRequest<T>(type: Decoder<T>, payload: Uint8Array, msgId: number): T {
  return decodePayload(type, payload, `payload of msgId ${msgId}`);
}

export function typedHandler<Req, Resp, Ctx extends RequestContext>(
  reqType: Decoder<Req>,
  respType: Encoder<Resp> | undefined,
  handler: (req: Req, ctx: Ctx) => Resp | undefined | Promise<Resp | undefined>,
  withContext: (ctx: RequestContext) => Ctx,
): RequestHandler {
  return async (payload, ctx) => {
    const req = decodeRequest(reqType, payload, ctx.msgId);
    const resp = await handler(req, withContext(ctx));
    if (resp === undefined || respType === undefined) return undefined;
    return respType.encode(resp).finish();
  };
}

/** A one-way notify handler: decoded like a request, never answered. */
export function notifyHandler<Req, Ctx extends RequestContext>(
  reqType: Decoder<Req>,
  handler: (req: Req, ctx: Ctx) => void | Promise<void>,
  withContext: (ctx: RequestContext) => Ctx,
): RequestHandler {
  return typedHandler<Req, never, Ctx>(
    reqType,
    undefined,
    async (req, ctx) => {
      await handler(req, ctx);
      return undefined;
    },
    withContext,
  );
}
