import { useSearchParams } from 'react-router-dom';
import { LAYERS, type Layer } from './map-model';

/** The layer lives in the address (?layer=party), so a printed or shared map shows what the sender saw. */
export function useLayerParam(): [Layer, (layer: Layer) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('layer');
  const layer = LAYERS.find((l) => l === raw) ?? 'tags';
  const setLayer = (next: Layer) =>
    setParams(
      (p) => {
        p.set('layer', next);
        return p;
      },
      { replace: true },
    );
  return [layer, setLayer];
}
