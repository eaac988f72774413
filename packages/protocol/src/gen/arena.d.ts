// @generated from proto/examples/arena.proto by packages/protocol/scripts/generate.mjs. Do not edit.
import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace tether {

    namespace arena {

        interface IEmpty extends tether.arena.Empty.$Properties {
        }

        class Empty {
            constructor(properties?: tether.arena.Empty.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: tether.arena.Empty.$Shape): tether.arena.Empty & tether.arena.Empty.$Shape;
            static create(properties?: tether.arena.Empty.$Properties): tether.arena.Empty;
            static encode(message: tether.arena.Empty.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.Empty & tether.arena.Empty.$Shape;
        }

        namespace Empty {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.Empty.$Properties;
        }

        interface ICoin extends tether.arena.Coin.$Properties {
        }

        class Coin {
            constructor(properties?: tether.arena.Coin.$Properties);
            $unknowns?: Uint8Array[];
            id: number;
            x: number;
            y: number;
            static create(properties: tether.arena.Coin.$Shape): tether.arena.Coin & tether.arena.Coin.$Shape;
            static create(properties?: tether.arena.Coin.$Properties): tether.arena.Coin;
            static encode(message: tether.arena.Coin.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.Coin & tether.arena.Coin.$Shape;
        }

        namespace Coin {
            interface $Properties {
                id?: (number|null);
                x?: (number|null);
                y?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.Coin.$Properties;
        }

        interface IPlayer extends tether.arena.Player.$Properties {
        }

        class Player {
            constructor(properties?: tether.arena.Player.$Properties);
            $unknowns?: Uint8Array[];
            id: number;
            name: string;
            color: number;
            score: number;
            bot: boolean;
            static create(properties: tether.arena.Player.$Shape): tether.arena.Player & tether.arena.Player.$Shape;
            static create(properties?: tether.arena.Player.$Properties): tether.arena.Player;
            static encode(message: tether.arena.Player.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.Player & tether.arena.Player.$Shape;
        }

        namespace Player {
            interface $Properties {
                id?: (number|null);
                name?: (string|null);
                color?: (number|null);
                score?: (number|null);
                bot?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.Player.$Properties;
        }

        interface IPos extends tether.arena.Pos.$Properties {
        }

        class Pos {
            constructor(properties?: tether.arena.Pos.$Properties);
            $unknowns?: Uint8Array[];
            id: number;
            x: number;
            y: number;
            stunned: boolean;
            static create(properties: tether.arena.Pos.$Shape): tether.arena.Pos & tether.arena.Pos.$Shape;
            static create(properties?: tether.arena.Pos.$Properties): tether.arena.Pos;
            static encode(message: tether.arena.Pos.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.Pos & tether.arena.Pos.$Shape;
        }

        namespace Pos {
            interface $Properties {
                id?: (number|null);
                x?: (number|null);
                y?: (number|null);
                stunned?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.Pos.$Properties;
        }

        interface IInputReq extends tether.arena.InputReq.$Properties {
        }

        class InputReq {
            constructor(properties?: tether.arena.InputReq.$Properties);
            $unknowns?: Uint8Array[];
            dx: number;
            dy: number;
            static create(properties: tether.arena.InputReq.$Shape): tether.arena.InputReq & tether.arena.InputReq.$Shape;
            static create(properties?: tether.arena.InputReq.$Properties): tether.arena.InputReq;
            static encode(message: tether.arena.InputReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.InputReq & tether.arena.InputReq.$Shape;
        }

        namespace InputReq {
            interface $Properties {
                dx?: (number|null);
                dy?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.InputReq.$Properties;
        }

        interface IZapReq extends tether.arena.ZapReq.$Properties {
        }

        class ZapReq {
            constructor(properties?: tether.arena.ZapReq.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: tether.arena.ZapReq.$Shape): tether.arena.ZapReq & tether.arena.ZapReq.$Shape;
            static create(properties?: tether.arena.ZapReq.$Properties): tether.arena.ZapReq;
            static encode(message: tether.arena.ZapReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.ZapReq & tether.arena.ZapReq.$Shape;
        }

        namespace ZapReq {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.ZapReq.$Properties;
        }

        interface IZapResp extends tether.arena.ZapResp.$Properties {
        }

        class ZapResp {
            constructor(properties?: tether.arena.ZapResp.$Properties);
            $unknowns?: Uint8Array[];
            hit: number[];
            waitMs: number;
            static create(properties: tether.arena.ZapResp.$Shape): tether.arena.ZapResp & tether.arena.ZapResp.$Shape;
            static create(properties?: tether.arena.ZapResp.$Properties): tether.arena.ZapResp;
            static encode(message: tether.arena.ZapResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.ZapResp & tether.arena.ZapResp.$Shape;
        }

        namespace ZapResp {
            interface $Properties {
                hit?: (number[]|null);
                waitMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.ZapResp.$Properties;
        }

        interface IPingReq extends tether.arena.PingReq.$Properties {
        }

        class PingReq {
            constructor(properties?: tether.arena.PingReq.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: tether.arena.PingReq.$Shape): tether.arena.PingReq & tether.arena.PingReq.$Shape;
            static create(properties?: tether.arena.PingReq.$Properties): tether.arena.PingReq;
            static encode(message: tether.arena.PingReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.PingReq & tether.arena.PingReq.$Shape;
        }

        namespace PingReq {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.PingReq.$Properties;
        }

        interface IPingResp extends tether.arena.PingResp.$Properties {
        }

        class PingResp {
            constructor(properties?: tether.arena.PingResp.$Properties);
            $unknowns?: Uint8Array[];
            serverTimeMs: number;
            static create(properties: tether.arena.PingResp.$Shape): tether.arena.PingResp & tether.arena.PingResp.$Shape;
            static create(properties?: tether.arena.PingResp.$Properties): tether.arena.PingResp;
            static encode(message: tether.arena.PingResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.PingResp & tether.arena.PingResp.$Shape;
        }

        namespace PingResp {
            interface $Properties {
                serverTimeMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.PingResp.$Properties;
        }

        interface IHereReq extends tether.arena.HereReq.$Properties {
        }

        class HereReq {
            constructor(properties?: tether.arena.HereReq.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: tether.arena.HereReq.$Shape): tether.arena.HereReq & tether.arena.HereReq.$Shape;
            static create(properties?: tether.arena.HereReq.$Properties): tether.arena.HereReq;
            static encode(message: tether.arena.HereReq.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.HereReq & tether.arena.HereReq.$Shape;
        }

        namespace HereReq {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.HereReq.$Properties;
        }

        interface IHereResp extends tether.arena.HereResp.$Properties {
        }

        class HereResp {
            constructor(properties?: tether.arena.HereResp.$Properties);
            $unknowns?: Uint8Array[];
            nodeId: string;
            canKill: boolean;
            playerId: number;
            static create(properties: tether.arena.HereResp.$Shape): tether.arena.HereResp & tether.arena.HereResp.$Shape;
            static create(properties?: tether.arena.HereResp.$Properties): tether.arena.HereResp;
            static encode(message: tether.arena.HereResp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.HereResp & tether.arena.HereResp.$Shape;
        }

        namespace HereResp {
            interface $Properties {
                nodeId?: (string|null);
                canKill?: (boolean|null);
                playerId?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.HereResp.$Properties;
        }

        interface IStatePush extends tether.arena.StatePush.$Properties {
        }

        class StatePush {
            constructor(properties?: tether.arena.StatePush.$Properties);
            $unknowns?: Uint8Array[];
            tick: number;
            positions: tether.arena.Pos.$Properties[];
            static create(properties: tether.arena.StatePush.$Shape): tether.arena.StatePush & tether.arena.StatePush.$Shape;
            static create(properties?: tether.arena.StatePush.$Properties): tether.arena.StatePush;
            static encode(message: tether.arena.StatePush.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.StatePush & tether.arena.StatePush.$Shape;
        }

        namespace StatePush {
            interface $Properties {
                tick?: (number|null);
                positions?: (tether.arena.Pos.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.StatePush.$Properties;
        }

        interface ICoinTaken extends tether.arena.CoinTaken.$Properties {
        }

        class CoinTaken {
            constructor(properties?: tether.arena.CoinTaken.$Properties);
            $unknowns?: Uint8Array[];
            coinId: number;
            playerId: number;
            score: number;
            spawned?: (tether.arena.Coin.$Properties|null);
            static create(properties: tether.arena.CoinTaken.$Shape): tether.arena.CoinTaken & tether.arena.CoinTaken.$Shape;
            static create(properties?: tether.arena.CoinTaken.$Properties): tether.arena.CoinTaken;
            static encode(message: tether.arena.CoinTaken.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.CoinTaken & tether.arena.CoinTaken.$Shape;
        }

        namespace CoinTaken {
            interface $Properties {
                coinId?: (number|null);
                playerId?: (number|null);
                score?: (number|null);
                spawned?: (tether.arena.Coin.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.CoinTaken.$Properties;
        }

        interface IHit extends tether.arena.Hit.$Properties {
        }

        class Hit {
            constructor(properties?: tether.arena.Hit.$Properties);
            $unknowns?: Uint8Array[];
            attacker: number;
            victim: number;
            attackerScore: number;
            victimScore: number;
            static create(properties: tether.arena.Hit.$Shape): tether.arena.Hit & tether.arena.Hit.$Shape;
            static create(properties?: tether.arena.Hit.$Properties): tether.arena.Hit;
            static encode(message: tether.arena.Hit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.Hit & tether.arena.Hit.$Shape;
        }

        namespace Hit {
            interface $Properties {
                attacker?: (number|null);
                victim?: (number|null);
                attackerScore?: (number|null);
                victimScore?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.Hit.$Properties;
        }

        interface IPlayerLeft extends tether.arena.PlayerLeft.$Properties {
        }

        class PlayerLeft {
            constructor(properties?: tether.arena.PlayerLeft.$Properties);
            $unknowns?: Uint8Array[];
            id: number;
            static create(properties: tether.arena.PlayerLeft.$Shape): tether.arena.PlayerLeft & tether.arena.PlayerLeft.$Shape;
            static create(properties?: tether.arena.PlayerLeft.$Properties): tether.arena.PlayerLeft;
            static encode(message: tether.arena.PlayerLeft.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.PlayerLeft & tether.arena.PlayerLeft.$Shape;
        }

        namespace PlayerLeft {
            interface $Properties {
                id?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.PlayerLeft.$Properties;
        }

        interface IWorldEvent extends tether.arena.WorldEvent.$Properties {
        }

        class WorldEvent {
            constructor(properties?: tether.arena.WorldEvent.$Properties);
            $unknowns?: Uint8Array[];
            coinTaken?: (tether.arena.CoinTaken.$Properties|null);
            hit?: (tether.arena.Hit.$Properties|null);
            joined?: (tether.arena.Player.$Properties|null);
            left?: (tether.arena.PlayerLeft.$Properties|null);
            kind?: ("coinTaken"|"hit"|"joined"|"left");
            static create(properties: tether.arena.WorldEvent.$Shape): tether.arena.WorldEvent & tether.arena.WorldEvent.$Shape;
            static create(properties?: tether.arena.WorldEvent.$Properties): tether.arena.WorldEvent;
            static encode(message: tether.arena.WorldEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.WorldEvent & tether.arena.WorldEvent.$Shape;
        }

        namespace WorldEvent {
            interface $Properties {
                coinTaken?: (tether.arena.CoinTaken.$Properties|null);
                hit?: (tether.arena.Hit.$Properties|null);
                joined?: (tether.arena.Player.$Properties|null);
                left?: (tether.arena.PlayerLeft.$Properties|null);
                kind?: ("coinTaken"|"hit"|"joined"|"left");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              coinTaken?: tether.arena.CoinTaken.$Shape|null;
              hit?: tether.arena.Hit.$Shape|null;
              joined?: tether.arena.Player.$Shape|null;
              left?: tether.arena.PlayerLeft.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; coinTaken?: null; hit?: null; joined?: null; left?: null }|{ kind?: "coinTaken"; coinTaken: tether.arena.CoinTaken.$Shape; hit?: null; joined?: null; left?: null }|{ kind?: "hit"; coinTaken?: null; hit: tether.arena.Hit.$Shape; joined?: null; left?: null }|{ kind?: "joined"; coinTaken?: null; hit?: null; joined: tether.arena.Player.$Shape; left?: null }|{ kind?: "left"; coinTaken?: null; hit?: null; joined?: null; left: tether.arena.PlayerLeft.$Shape })
            );
        }

        interface IArenaSnapshot extends tether.arena.ArenaSnapshot.$Properties {
        }

        class ArenaSnapshot {
            constructor(properties?: tether.arena.ArenaSnapshot.$Properties);
            $unknowns?: Uint8Array[];
            revision: number;
            coins: tether.arena.Coin.$Properties[];
            players: tether.arena.Player.$Properties[];
            positions: tether.arena.Pos.$Properties[];
            width: number;
            height: number;
            static create(properties: tether.arena.ArenaSnapshot.$Shape): tether.arena.ArenaSnapshot & tether.arena.ArenaSnapshot.$Shape;
            static create(properties?: tether.arena.ArenaSnapshot.$Properties): tether.arena.ArenaSnapshot;
            static encode(message: tether.arena.ArenaSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): tether.arena.ArenaSnapshot & tether.arena.ArenaSnapshot.$Shape;
        }

        namespace ArenaSnapshot {
            interface $Properties {
                revision?: (number|null);
                coins?: (tether.arena.Coin.$Properties[]|null);
                players?: (tether.arena.Player.$Properties[]|null);
                positions?: (tether.arena.Pos.$Properties[]|null);
                width?: (number|null);
                height?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = tether.arena.ArenaSnapshot.$Properties;
        }
    }
}
