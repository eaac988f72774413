// @generated from proto/examples/echo.proto by packages/protocol/scripts/generate.mjs. Do not edit.
import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace tether {

    namespace echo {

        interface IEmpty extends tether.echo.Empty.$Properties {
        }

        class Empty {
            constructor(properties?: tether.echo.Empty.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: tether.echo.Empty.$Shape): tether.echo.Empty & tether.echo.Empty.$Shape;
            static create(properties?: tether.echo.Empty.$Properties): tether.echo.Empty;
            static encode(message: tether.echo.Empty.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.Empty & tether.echo.Empty.$Shape;
        }

        namespace Empty {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.Empty.$Properties;
        }

        interface IEchoReq extends tether.echo.EchoReq.$Properties {
        }

        class EchoReq {
            constructor(properties?: tether.echo.EchoReq.$Properties);
            $unknowns?: Uint8Array[];
            text: string;
            static create(properties: tether.echo.EchoReq.$Shape): tether.echo.EchoReq & tether.echo.EchoReq.$Shape;
            static create(properties?: tether.echo.EchoReq.$Properties): tether.echo.EchoReq;
            static encode(message: tether.echo.EchoReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.EchoReq & tether.echo.EchoReq.$Shape;
        }

        namespace EchoReq {
            interface $Properties {
                text?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.EchoReq.$Properties;
        }

        interface IEchoResp extends tether.echo.EchoResp.$Properties {
        }

        class EchoResp {
            constructor(properties?: tether.echo.EchoResp.$Properties);
            $unknowns?: Uint8Array[];
            text: string;
            static create(properties: tether.echo.EchoResp.$Shape): tether.echo.EchoResp & tether.echo.EchoResp.$Shape;
            static create(properties?: tether.echo.EchoResp.$Properties): tether.echo.EchoResp;
            static encode(message: tether.echo.EchoResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.EchoResp & tether.echo.EchoResp.$Shape;
        }

        namespace EchoResp {
            interface $Properties {
                text?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.EchoResp.$Properties;
        }

        interface IPushMeReq extends tether.echo.PushMeReq.$Properties {
        }

        class PushMeReq {
            constructor(properties?: tether.echo.PushMeReq.$Properties);
            $unknowns?: Uint8Array[];
            count: number;
            reliable: boolean;
            padBytes: number;
            intervalMs: number;
            compressHint: boolean;
            static create(properties: tether.echo.PushMeReq.$Shape): tether.echo.PushMeReq & tether.echo.PushMeReq.$Shape;
            static create(properties?: tether.echo.PushMeReq.$Properties): tether.echo.PushMeReq;
            static encode(message: tether.echo.PushMeReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.PushMeReq & tether.echo.PushMeReq.$Shape;
        }

        namespace PushMeReq {
            interface $Properties {
                count?: (number|null);
                reliable?: (boolean|null);
                padBytes?: (number|null);
                intervalMs?: (number|null);
                compressHint?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.PushMeReq.$Properties;
        }

        interface IPushMeResp extends tether.echo.PushMeResp.$Properties {
        }

        class PushMeResp {
            constructor(properties?: tether.echo.PushMeResp.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: tether.echo.PushMeResp.$Shape): tether.echo.PushMeResp & tether.echo.PushMeResp.$Shape;
            static create(properties?: tether.echo.PushMeResp.$Properties): tether.echo.PushMeResp;
            static encode(message: tether.echo.PushMeResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.PushMeResp & tether.echo.PushMeResp.$Shape;
        }

        namespace PushMeResp {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.PushMeResp.$Properties;
        }

        interface IPushMsg extends tether.echo.PushMsg.$Properties {
        }

        class PushMsg {
            constructor(properties?: tether.echo.PushMsg.$Properties);
            $unknowns?: Uint8Array[];
            index: number;
            pad: Uint8Array;
            static create(properties: tether.echo.PushMsg.$Shape): tether.echo.PushMsg & tether.echo.PushMsg.$Shape;
            static create(properties?: tether.echo.PushMsg.$Properties): tether.echo.PushMsg;
            static encode(message: tether.echo.PushMsg.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.PushMsg & tether.echo.PushMsg.$Shape;
        }

        namespace PushMsg {
            interface $Properties {
                index?: (number|null);
                pad?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.PushMsg.$Properties;
        }

        interface IFailReq extends tether.echo.FailReq.$Properties {
        }

        class FailReq {
            constructor(properties?: tether.echo.FailReq.$Properties);
            $unknowns?: Uint8Array[];
            code: number;
            message: string;
            static create(properties: tether.echo.FailReq.$Shape): tether.echo.FailReq & tether.echo.FailReq.$Shape;
            static create(properties?: tether.echo.FailReq.$Properties): tether.echo.FailReq;
            static encode(message: tether.echo.FailReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.FailReq & tether.echo.FailReq.$Shape;
        }

        namespace FailReq {
            interface $Properties {
                code?: (number|null);
                message?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.FailReq.$Properties;
        }

        interface ISlowReq extends tether.echo.SlowReq.$Properties {
        }

        class SlowReq {
            constructor(properties?: tether.echo.SlowReq.$Properties);
            $unknowns?: Uint8Array[];
            ms: number;
            static create(properties: tether.echo.SlowReq.$Shape): tether.echo.SlowReq & tether.echo.SlowReq.$Shape;
            static create(properties?: tether.echo.SlowReq.$Properties): tether.echo.SlowReq;
            static encode(message: tether.echo.SlowReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.SlowReq & tether.echo.SlowReq.$Shape;
        }

        namespace SlowReq {
            interface $Properties {
                ms?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.SlowReq.$Properties;
        }

        interface ISlowResp extends tether.echo.SlowResp.$Properties {
        }

        class SlowResp {
            constructor(properties?: tether.echo.SlowResp.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: tether.echo.SlowResp.$Shape): tether.echo.SlowResp & tether.echo.SlowResp.$Shape;
            static create(properties?: tether.echo.SlowResp.$Properties): tether.echo.SlowResp;
            static encode(message: tether.echo.SlowResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.SlowResp & tether.echo.SlowResp.$Shape;
        }

        namespace SlowResp {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.SlowResp.$Properties;
        }

        interface ITopicReq extends tether.echo.TopicReq.$Properties {
        }

        class TopicReq {
            constructor(properties?: tether.echo.TopicReq.$Properties);
            $unknowns?: Uint8Array[];
            topic: string;
            static create(properties: tether.echo.TopicReq.$Shape): tether.echo.TopicReq & tether.echo.TopicReq.$Shape;
            static create(properties?: tether.echo.TopicReq.$Properties): tether.echo.TopicReq;
            static encode(message: tether.echo.TopicReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.TopicReq & tether.echo.TopicReq.$Shape;
        }

        namespace TopicReq {
            interface $Properties {
                topic?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.TopicReq.$Properties;
        }

        interface IPublishReq extends tether.echo.PublishReq.$Properties {
        }

        class PublishReq {
            constructor(properties?: tether.echo.PublishReq.$Properties);
            $unknowns?: Uint8Array[];
            topic: string;
            text: string;
            static create(properties: tether.echo.PublishReq.$Shape): tether.echo.PublishReq & tether.echo.PublishReq.$Shape;
            static create(properties?: tether.echo.PublishReq.$Properties): tether.echo.PublishReq;
            static encode(message: tether.echo.PublishReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.PublishReq & tether.echo.PublishReq.$Shape;
        }

        namespace PublishReq {
            interface $Properties {
                topic?: (string|null);
                text?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.PublishReq.$Properties;
        }

        interface ITopicMsg extends tether.echo.TopicMsg.$Properties {
        }

        class TopicMsg {
            constructor(properties?: tether.echo.TopicMsg.$Properties);
            $unknowns?: Uint8Array[];
            topic: string;
            text: string;
            fromPlayer: number;
            static create(properties: tether.echo.TopicMsg.$Shape): tether.echo.TopicMsg & tether.echo.TopicMsg.$Shape;
            static create(properties?: tether.echo.TopicMsg.$Properties): tether.echo.TopicMsg;
            static encode(message: tether.echo.TopicMsg.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.TopicMsg & tether.echo.TopicMsg.$Shape;
        }

        namespace TopicMsg {
            interface $Properties {
                topic?: (string|null);
                text?: (string|null);
                fromPlayer?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.TopicMsg.$Properties;
        }

        interface ICounterResp extends tether.echo.CounterResp.$Properties {
        }

        class CounterResp {
            constructor(properties?: tether.echo.CounterResp.$Properties);
            $unknowns?: Uint8Array[];
            revision: number;
            static create(properties: tether.echo.CounterResp.$Shape): tether.echo.CounterResp & tether.echo.CounterResp.$Shape;
            static create(properties?: tether.echo.CounterResp.$Properties): tether.echo.CounterResp;
            static encode(message: tether.echo.CounterResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.CounterResp & tether.echo.CounterResp.$Shape;
        }

        namespace CounterResp {
            interface $Properties {
                revision?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.CounterResp.$Properties;
        }

        interface IStateDelta extends tether.echo.StateDelta.$Properties {
        }

        class StateDelta {
            constructor(properties?: tether.echo.StateDelta.$Properties);
            $unknowns?: Uint8Array[];
            revision: number;
            static create(properties: tether.echo.StateDelta.$Shape): tether.echo.StateDelta & tether.echo.StateDelta.$Shape;
            static create(properties?: tether.echo.StateDelta.$Properties): tether.echo.StateDelta;
            static encode(message: tether.echo.StateDelta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.StateDelta & tether.echo.StateDelta.$Shape;
        }

        namespace StateDelta {
            interface $Properties {
                revision?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.StateDelta.$Properties;
        }

        interface ICounterSnapshot extends tether.echo.CounterSnapshot.$Properties {
        }

        class CounterSnapshot {
            constructor(properties?: tether.echo.CounterSnapshot.$Properties);
            $unknowns?: Uint8Array[];
            revision: number;
            static create(properties: tether.echo.CounterSnapshot.$Shape): tether.echo.CounterSnapshot & tether.echo.CounterSnapshot.$Shape;
            static create(properties?: tether.echo.CounterSnapshot.$Properties): tether.echo.CounterSnapshot;
            static encode(message: tether.echo.CounterSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.CounterSnapshot & tether.echo.CounterSnapshot.$Shape;
        }

        namespace CounterSnapshot {
            interface $Properties {
                revision?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.CounterSnapshot.$Properties;
        }

        interface IKickReq extends tether.echo.KickReq.$Properties {
        }

        class KickReq {
            constructor(properties?: tether.echo.KickReq.$Properties);
            $unknowns?: Uint8Array[];
            playerId: number;
            reason: string;
            static create(properties: tether.echo.KickReq.$Shape): tether.echo.KickReq & tether.echo.KickReq.$Shape;
            static create(properties?: tether.echo.KickReq.$Properties): tether.echo.KickReq;
            static encode(message: tether.echo.KickReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.KickReq & tether.echo.KickReq.$Shape;
        }

        namespace KickReq {
            interface $Properties {
                playerId?: (number|null);
                reason?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.KickReq.$Properties;
        }

        interface IWhoamiResp extends tether.echo.WhoamiResp.$Properties {
        }

        class WhoamiResp {
            constructor(properties?: tether.echo.WhoamiResp.$Properties);
            $unknowns?: Uint8Array[];
            playerId: number;
            sessionId: string;
            sessionEpoch: number;
            static create(properties: tether.echo.WhoamiResp.$Shape): tether.echo.WhoamiResp & tether.echo.WhoamiResp.$Shape;
            static create(properties?: tether.echo.WhoamiResp.$Properties): tether.echo.WhoamiResp;
            static encode(message: tether.echo.WhoamiResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.WhoamiResp & tether.echo.WhoamiResp.$Shape;
        }

        namespace WhoamiResp {
            interface $Properties {
                playerId?: (number|null);
                sessionId?: (string|null);
                sessionEpoch?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.WhoamiResp.$Properties;
        }

        interface IBroadcastReq extends tether.echo.BroadcastReq.$Properties {
        }

        class BroadcastReq {
            constructor(properties?: tether.echo.BroadcastReq.$Properties);
            $unknowns?: Uint8Array[];
            text: string;
            static create(properties: tether.echo.BroadcastReq.$Shape): tether.echo.BroadcastReq & tether.echo.BroadcastReq.$Shape;
            static create(properties?: tether.echo.BroadcastReq.$Properties): tether.echo.BroadcastReq;
            static encode(message: tether.echo.BroadcastReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.BroadcastReq & tether.echo.BroadcastReq.$Shape;
        }

        namespace BroadcastReq {
            interface $Properties {
                text?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.BroadcastReq.$Properties;
        }

        interface IBroadcastMsg extends tether.echo.BroadcastMsg.$Properties {
        }

        class BroadcastMsg {
            constructor(properties?: tether.echo.BroadcastMsg.$Properties);
            $unknowns?: Uint8Array[];
            text: string;
            static create(properties: tether.echo.BroadcastMsg.$Shape): tether.echo.BroadcastMsg & tether.echo.BroadcastMsg.$Shape;
            static create(properties?: tether.echo.BroadcastMsg.$Properties): tether.echo.BroadcastMsg;
            static encode(message: tether.echo.BroadcastMsg.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.BroadcastMsg & tether.echo.BroadcastMsg.$Shape;
        }

        namespace BroadcastMsg {
            interface $Properties {
                text?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.BroadcastMsg.$Properties;
        }

        interface INotesResp extends tether.echo.NotesResp.$Properties {
        }

        class NotesResp {
            constructor(properties?: tether.echo.NotesResp.$Properties);
            $unknowns?: Uint8Array[];
            texts: string[];
            static create(properties: tether.echo.NotesResp.$Shape): tether.echo.NotesResp & tether.echo.NotesResp.$Shape;
            static create(properties?: tether.echo.NotesResp.$Properties): tether.echo.NotesResp;
            static encode(message: tether.echo.NotesResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.NotesResp & tether.echo.NotesResp.$Shape;
        }

        namespace NotesResp {
            interface $Properties {
                texts?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.NotesResp.$Properties;
        }

        interface ISendToPlayerReq extends tether.echo.SendToPlayerReq.$Properties {
        }

        class SendToPlayerReq {
            constructor(properties?: tether.echo.SendToPlayerReq.$Properties);
            $unknowns?: Uint8Array[];
            playerId: number;
            count: number;
            reliable: boolean;
            static create(properties: tether.echo.SendToPlayerReq.$Shape): tether.echo.SendToPlayerReq & tether.echo.SendToPlayerReq.$Shape;
            static create(properties?: tether.echo.SendToPlayerReq.$Properties): tether.echo.SendToPlayerReq;
            static encode(message: tether.echo.SendToPlayerReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.SendToPlayerReq & tether.echo.SendToPlayerReq.$Shape;
        }

        namespace SendToPlayerReq {
            interface $Properties {
                playerId?: (number|null);
                count?: (number|null);
                reliable?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.SendToPlayerReq.$Properties;
        }

        interface IOnlineReq extends tether.echo.OnlineReq.$Properties {
        }

        class OnlineReq {
            constructor(properties?: tether.echo.OnlineReq.$Properties);
            $unknowns?: Uint8Array[];
            playerIds: number[];
            static create(properties: tether.echo.OnlineReq.$Shape): tether.echo.OnlineReq & tether.echo.OnlineReq.$Shape;
            static create(properties?: tether.echo.OnlineReq.$Properties): tether.echo.OnlineReq;
            static encode(message: tether.echo.OnlineReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.OnlineReq & tether.echo.OnlineReq.$Shape;
        }

        namespace OnlineReq {
            interface $Properties {
                playerIds?: (number[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.OnlineReq.$Properties;
        }

        interface IOnlineResp extends tether.echo.OnlineResp.$Properties {
        }

        class OnlineResp {
            constructor(properties?: tether.echo.OnlineResp.$Properties);
            $unknowns?: Uint8Array[];
            online: number[];
            static create(properties: tether.echo.OnlineResp.$Shape): tether.echo.OnlineResp & tether.echo.OnlineResp.$Shape;
            static create(properties?: tether.echo.OnlineResp.$Properties): tether.echo.OnlineResp;
            static encode(message: tether.echo.OnlineResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.OnlineResp & tether.echo.OnlineResp.$Shape;
        }

        namespace OnlineResp {
            interface $Properties {
                online?: (number[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.OnlineResp.$Properties;
        }

        interface INodeResp extends tether.echo.NodeResp.$Properties {
        }

        class NodeResp {
            constructor(properties?: tether.echo.NodeResp.$Properties);
            $unknowns?: Uint8Array[];
            nodeId: string;
            static create(properties: tether.echo.NodeResp.$Shape): tether.echo.NodeResp & tether.echo.NodeResp.$Shape;
            static create(properties?: tether.echo.NodeResp.$Properties): tether.echo.NodeResp;
            static encode(message: tether.echo.NodeResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.echo.NodeResp & tether.echo.NodeResp.$Shape;
        }

        namespace NodeResp {
            interface $Properties {
                nodeId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.echo.NodeResp.$Properties;
        }
    }
}
