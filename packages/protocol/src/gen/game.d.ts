// @generated from proto/examples/game.proto by packages/protocol/scripts/generate.mjs. Do not edit.
import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace tether {

    namespace game {

        interface IEmpty extends tether.game.Empty.$Properties {
        }

        class Empty {
            constructor(properties?: tether.game.Empty.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: tether.game.Empty.$Shape): tether.game.Empty & tether.game.Empty.$Shape;
            static create(properties?: tether.game.Empty.$Properties): tether.game.Empty;
            static encode(message: tether.game.Empty.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.game.Empty & tether.game.Empty.$Shape;
        }

        namespace Empty {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.game.Empty.$Properties;
        }

        interface ICoin extends tether.game.Coin.$Properties {
        }

        class Coin {
            constructor(properties?: tether.game.Coin.$Properties);
            $unknowns?: Uint8Array[];
            id: number;
            x: number;
            y: number;
            static create(properties: tether.game.Coin.$Shape): tether.game.Coin & tether.game.Coin.$Shape;
            static create(properties?: tether.game.Coin.$Properties): tether.game.Coin;
            static encode(message: tether.game.Coin.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.game.Coin & tether.game.Coin.$Shape;
        }

        namespace Coin {
            interface $Properties {
                id?: (number|null);
                x?: (number|null);
                y?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.game.Coin.$Properties;
        }

        interface IScore extends tether.game.Score.$Properties {
        }

        class Score {
            constructor(properties?: tether.game.Score.$Properties);
            $unknowns?: Uint8Array[];
            playerId: number;
            score: number;
            static create(properties: tether.game.Score.$Shape): tether.game.Score & tether.game.Score.$Shape;
            static create(properties?: tether.game.Score.$Properties): tether.game.Score;
            static encode(message: tether.game.Score.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.game.Score & tether.game.Score.$Shape;
        }

        namespace Score {
            interface $Properties {
                playerId?: (number|null);
                score?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.game.Score.$Properties;
        }

        interface IPos extends tether.game.Pos.$Properties {
        }

        class Pos {
            constructor(properties?: tether.game.Pos.$Properties);
            $unknowns?: Uint8Array[];
            playerId: number;
            x: number;
            y: number;
            static create(properties: tether.game.Pos.$Shape): tether.game.Pos & tether.game.Pos.$Shape;
            static create(properties?: tether.game.Pos.$Properties): tether.game.Pos;
            static encode(message: tether.game.Pos.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.game.Pos & tether.game.Pos.$Shape;
        }

        namespace Pos {
            interface $Properties {
                playerId?: (number|null);
                x?: (number|null);
                y?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.game.Pos.$Properties;
        }

        interface IMoveReq extends tether.game.MoveReq.$Properties {
        }

        class MoveReq {
            constructor(properties?: tether.game.MoveReq.$Properties);
            $unknowns?: Uint8Array[];
            dx: number;
            dy: number;
            static create(properties: tether.game.MoveReq.$Shape): tether.game.MoveReq & tether.game.MoveReq.$Shape;
            static create(properties?: tether.game.MoveReq.$Properties): tether.game.MoveReq;
            static encode(message: tether.game.MoveReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.game.MoveReq & tether.game.MoveReq.$Shape;
        }

        namespace MoveReq {
            interface $Properties {
                dx?: (number|null);
                dy?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.game.MoveReq.$Properties;
        }

        interface IMoveResp extends tether.game.MoveResp.$Properties {
        }

        class MoveResp {
            constructor(properties?: tether.game.MoveResp.$Properties);
            $unknowns?: Uint8Array[];
            x: number;
            y: number;
            static create(properties: tether.game.MoveResp.$Shape): tether.game.MoveResp & tether.game.MoveResp.$Shape;
            static create(properties?: tether.game.MoveResp.$Properties): tether.game.MoveResp;
            static encode(message: tether.game.MoveResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.game.MoveResp & tether.game.MoveResp.$Shape;
        }

        namespace MoveResp {
            interface $Properties {
                x?: (number|null);
                y?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.game.MoveResp.$Properties;
        }

        interface IPositionsPush extends tether.game.PositionsPush.$Properties {
        }

        class PositionsPush {
            constructor(properties?: tether.game.PositionsPush.$Properties);
            $unknowns?: Uint8Array[];
            tick: number;
            positions: tether.game.Pos.$Properties[];
            static create(properties: tether.game.PositionsPush.$Shape): tether.game.PositionsPush & tether.game.PositionsPush.$Shape;
            static create(properties?: tether.game.PositionsPush.$Properties): tether.game.PositionsPush;
            static encode(message: tether.game.PositionsPush.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.game.PositionsPush & tether.game.PositionsPush.$Shape;
        }

        namespace PositionsPush {
            interface $Properties {
                tick?: (number|null);
                positions?: (tether.game.Pos.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.game.PositionsPush.$Properties;
        }

        interface ICoinTaken extends tether.game.CoinTaken.$Properties {
        }

        class CoinTaken {
            constructor(properties?: tether.game.CoinTaken.$Properties);
            $unknowns?: Uint8Array[];
            coinId: number;
            playerId: number;
            score: number;
            spawned?: (tether.game.Coin.$Properties|null);
            static create(properties: tether.game.CoinTaken.$Shape): tether.game.CoinTaken & tether.game.CoinTaken.$Shape;
            static create(properties?: tether.game.CoinTaken.$Properties): tether.game.CoinTaken;
            static encode(message: tether.game.CoinTaken.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.game.CoinTaken & tether.game.CoinTaken.$Shape;
        }

        namespace CoinTaken {
            interface $Properties {
                coinId?: (number|null);
                playerId?: (number|null);
                score?: (number|null);
                spawned?: (tether.game.Coin.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.game.CoinTaken.$Properties;
        }

        interface IWorldSnapshot extends tether.game.WorldSnapshot.$Properties {
        }

        class WorldSnapshot {
            constructor(properties?: tether.game.WorldSnapshot.$Properties);
            $unknowns?: Uint8Array[];
            revision: number;
            coins: tether.game.Coin.$Properties[];
            scores: tether.game.Score.$Properties[];
            size: number;
            static create(properties: tether.game.WorldSnapshot.$Shape): tether.game.WorldSnapshot & tether.game.WorldSnapshot.$Shape;
            static create(properties?: tether.game.WorldSnapshot.$Properties): tether.game.WorldSnapshot;
            static encode(message: tether.game.WorldSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.game.WorldSnapshot & tether.game.WorldSnapshot.$Shape;
        }

        namespace WorldSnapshot {
            interface $Properties {
                revision?: (number|null);
                coins?: (tether.game.Coin.$Properties[]|null);
                scores?: (tether.game.Score.$Properties[]|null);
                size?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.game.WorldSnapshot.$Properties;
        }
    }
}
