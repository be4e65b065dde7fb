import { PinBoard } from '../widgets/explore/PinBoard'

export default function BoardPage() {
  return (
    <div className="page page--board">
      <header className="page__head">
        <h2>我的看板</h2>
        <p className="page__lede">
          从图表生成器固定的图表，保存在本浏览器中，每次打开都按最新数据重新查询。可重命名、调整顺序或移除。
        </p>
      </header>
      <PinBoard />
    </div>
  )
}
